package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real Felix HTTP service (Jetty) with the Felix Web Console 5.0.8 and its own single admin user
 * ({@code admin}/{@code admin}), the page lists the dump the sample driver registered, in the Web Console's frame; the
 * admin downloads the same bytes {@code CoredumpAdmin} reads, dismisses the dump and sees it gone, and disables
 * coredumps only after the confirmation step; a POST without the page's form token changes nothing. The page's HTML
 * is saved for a later browser screenshot.
 */
class CoredumpsPageIT {
    /** Only the dump's content holds this: the sample driver writes the crash reason into it. */
    private static final String SECRET = "reason-only-in-the-content-7c1e";

    @Test
    void adminListsDownloadsDismissesAndDisables(@TempDir Path storage) throws Exception {
        try (DevcdFelix felix = DevcdFelix.start(storage, DevcdFelix.Console.WEB_CONSOLE)) {
            String dump = felix.crash(SECRET);
            ConsoleClient admin = new ConsoleClient(felix, "admin", "admin");

            String page = admin.awaitPage().body();
            // The Web Console 5 also exports the older javax plugin API; the javax page stays off, so one page.
            assertThat(felix.component(ConsolePackages.JAVAX_WEB_CONSOLE_PAGE)).isEqualTo("disabled");
            assertThat(felix.references("(felix.webconsole.label=" + PageRequests.LABEL + ")")).hasSize(1);
            Files.writeString(Path.of(System.getProperty("devcd.page.html")), page);
            assertThat(page).contains("Device coredumps", "nicetable", "Coredumps enabled: 1 dump(s)")
                    .containsPattern("<td>" + dump + "</td><td>sample0</td><td>org\\.devcd\\.driver\\.sample 0\\.1\\.0")
                    .contains("?content=" + dump + "\">Download</a>", "value=\"Dismiss\"", "Disable coredumps...")
                    .doesNotContain(SECRET);

            HttpResponse<byte[]> download = admin.getBytes("?content=" + dump);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + dump + ".bin\"");
            assertThat(download.body()).isEqualTo(felix.content(dump));
            assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains(SECRET);
            assertThat(admin.getBytes("?content=devcd999").statusCode()).isEqualTo(404);

            String token = "&token=" + admin.formToken();
            assertThat(admin.post("action=dismiss&name=" + dump).statusCode()).as("no form token").isEqualTo(403);
            assertThat(admin.post("action=dismiss&name=" + dump + "&token=forged").statusCode()).isEqualTo(403);
            assertThat(admin.get("").body()).contains("<td>" + dump + "</td>");
            HttpResponse<String> dismissed = admin.post("action=dismiss&name=" + dump + token);
            assertThat(dismissed.statusCode()).isEqualTo(303);
            assertThat(dismissed.headers().firstValue("Location")).hasValue(ConsoleClient.PAGE);
            assertThat(admin.get("").body()).doesNotContain("<td>" + dump + "</td>").contains("no coredumps")
                    .contains("1 registered, 0 discarded, 1 removed");

            String second = felix.crash("before the lockdown");
            assertThat(admin.post("action=disable" + token).statusCode()).isEqualTo(400);
            assertThat(admin.get("").body()).contains("<td>" + second + "</td>", "Coredumps enabled");
            assertThat(admin.get("?confirm=disable").body()).contains("Disable coredumps for good?",
                    "name=\"confirm\" value=\"true\"");
            assertThat(admin.post("action=disable&confirm=true" + token).statusCode()).isEqualTo(303);
            assertThat(admin.get("").body()).contains("Coredumps disabled", "disabled for good", "no coredumps")
                    .doesNotContain("Disable coredumps...");
        }
    }
}
