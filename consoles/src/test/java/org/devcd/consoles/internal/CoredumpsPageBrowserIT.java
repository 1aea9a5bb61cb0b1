package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Web Console page in a real browser: an admin opens it, sees the dump a driver registered, downloads it (the bytes
 * equal what the core reads), dismisses it with the page's button and sees it gone; a viewer sees the list, no link
 * and no button, and the browser's own POST of a dismiss is refused. A screenshot of the admin's page is saved under
 * {@code target/}.
 */
class CoredumpsPageBrowserIT {
    /**
     * Fetches a path on the page's server (the page's own if null), as the page itself would, with the credentials the
     * browser holds for it; returns the body as Base64, or {@code status N} if not 200, or {@code error ...}.
     */
    private static final String FETCH = "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0] || location.pathname, {method: arguments[1], body: arguments[2],"
            + " headers: arguments[2] ? {'Content-Type': 'application/x-www-form-urlencoded'} : {}})"
            + ".then(r => r.ok ? r.arrayBuffer().then(b => done(btoa(String.fromCharCode(...new Uint8Array(b)))))"
            + " : done('status ' + r.status)).catch(e => done('error ' + e));";

    @Test
    void anAdminDownloadsAndDismissesAViewerOnlyLooks(@TempDir Path storage) throws Exception {
        Path workspace = Path.of("target", "browser").toAbsolutePath();
        try (DevcdFelix felix = DevcdFelix.start(storage, DevcdFelix.Console.WEB_CONSOLE)) {
            String viewed = felix.crash("seen in a browser");
            ChromeDriver admin = Browser.start(workspace.resolve("admin"));
            try {
                open(admin, felix, "admin", "admin");
                List<WebElement> rows = admin.findElements(By.xpath("//tr[td[1][text()='" + viewed + "']]"));
                assertThat(rows).as(admin.getPageSource()).hasSize(1);
                assertThat(rows.get(0).getText()).contains("sample0", "org.devcd.driver.sample");
                seen("admin's status line: " + admin.findElement(By.className("statline")).getText());
                seen("admin's row: " + rows.get(0).getText());
                Files.write(workspace.resolve("devcd-coredumps.png"), admin.getScreenshotAs(OutputType.BYTES));

                String href = rows.get(0).findElement(By.linkText("Download")).getDomAttribute("href");
                assertThat(href).isEqualTo(ConsoleClient.PAGE + "?content=" + viewed);
                String body = (String) admin.executeAsyncScript(FETCH, href, "GET", null);
                assertThat(body).doesNotStartWith("status").doesNotStartWith("error");
                assertThat(Base64.getDecoder().decode(body)).isEqualTo(felix.content(viewed));
                seen("download " + href + ": " + Base64.getDecoder().decode(body).length
                        + " bytes, equal to the core's");

                rows.get(0).findElement(By.xpath(".//input[@value='Dismiss']")).click();
                assertThat(admin.findElements(By.xpath("//td[text()='" + viewed + "']"))).isEmpty();
                assertThat(admin.getPageSource()).contains("Coredumps enabled: 0 dump(s)");
                seen("after Dismiss: " + admin.findElement(By.className("statline")).getText());
            } finally {
                admin.quit();
            }

            String kept = felix.crash("for a viewer's eyes");
            felix.configure(ConsolePackages.WEB_CONSOLE_USERS, "users", new String[] {
                "watcher:" + hash("watch-only") + ":"});
            ChromeDriver viewer = Browser.start(workspace.resolve("viewer"));
            try {
                open(viewer, felix, "watcher", "watch-only");
                assertThat(viewer.findElements(By.xpath("//td[text()='" + kept + "']"))).hasSize(1);
                assertThat(viewer.findElements(By.linkText("Download"))).isEmpty();
                assertThat(viewer.findElements(By.xpath("//input[@type='submit']"))).isEmpty();
                Object refused = viewer.executeAsyncScript(FETCH, null, "POST", "action=dismiss&name=" + kept);
                assertThat(refused).isEqualTo("status 403");
                seen("viewer's status line: " + viewer.findElement(By.className("statline")).getText());
                seen("viewer's links and buttons: " + viewer.findElements(By.xpath("//a[text()='Download']|//input"
                        + "[@type='submit']")).size() + "; its POST of a dismiss: " + refused);
                assertThat(felix.content(kept)).isNotEmpty();
            } finally {
                viewer.quit();
            }
        }
    }

    /** What the browser saw, for the test's output (failsafe-reports/...-output.txt). */
    private static void seen(String line) {
        System.out.println("browser saw: " + line);
    }

    /**
     * Logs in as {@code user} (basic authentication from credentials in the URL, which the browser then keeps for the
     * server), and opens the page again by its plain URL: a page whose address holds credentials may not fetch.
     */
    private static void open(ChromeDriver browser, DevcdFelix felix, String user, String password) {
        String page = felix.uri(ConsoleClient.PAGE).toString();
        browser.get(page.replace("http://", "http://" + user + ":" + password + "@"));
        browser.get(page);
    }

    private static String hash(String password) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        return "{sha-256}" + Base64.getEncoder().encodeToString(digest);
    }
}
