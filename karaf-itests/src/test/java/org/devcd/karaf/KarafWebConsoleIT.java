package org.devcd.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The page "Device coredumps" in Karaf's own Web Console ({@code feature:install http webconsole}, Pax Web on Jetty
 * 9), over real HTTP with Karaf's JAAS logins: the README's admin sees the dump the sample driver registered, downloads
 * its content and dismisses it with the page's form token; the README's viewer is kept out of the console by Karaf, and
 * once an admin lets viewers in ({@code role=viewer}) sees the list without contents or buttons and is refused both.
 * The Felix Inventory printer shows in the console's Status menu, without contents.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafWebConsoleIT {
    /** Only the dump's content holds this: the sample driver writes the crash reason into it. */
    private static final String SECRET = "reason-only-in-the-content-4d2a";
    private static final String PAGE = "/system/console/devcd-coredumps";
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessions;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(KarafSetup.karaf(false), KarafSetup.httpPort());
    }

    @Test
    public void thePageInKarafsWebConsole() throws Exception {
        KarafShell shell = new KarafShell(sessions);
        shell.as(KarafShell.ADMIN, KarafSetup.readmeLine("feature:install http webconsole"));
        for (String line : KarafSetup.readmeInstallLines()) {
            shell.as(KarafShell.ADMIN, line);
        }
        Supplier<List<?>> dumps = KarafSetup.awaitDevcd(context, configurationAdmin);
        String crashed = shell.as(KarafShell.ADMIN, "sample:crash " + SECRET);
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();

        KarafSetup.awaitService(context, "(felix.webconsole.label=devcd-coredumps)");
        ConsoleServed.await(context, "/system/console");
        Client admin = new Client("devcd-admin");
        String page = admin.page();
        assertTrue(page, page.contains("Device coredumps") && page.contains("<td>" + name + "</td><td>sample0</td>")
                && page.contains("?content=" + name + "\">Download</a>") && !page.contains(SECRET));
        HttpResponse<byte[]> download = admin.get("?content=" + name);
        assertEquals(200, download.statusCode());
        assertTrue(new String(download.body(), StandardCharsets.UTF_8).contains(SECRET));
        HttpRequest.Builder status = admin.request("/system/console/status-devcd-coredumps.txt").GET();
        String inventory = new String(admin.send(status).body(), StandardCharsets.UTF_8);
        assertTrue(inventory, inventory.contains("coredumps: enabled") && inventory.contains(name)
                && !inventory.contains(SECRET));
        assertEquals(403, admin.post("action=dismiss&name=" + name).statusCode());
        Matcher token = TOKEN.matcher(page);
        assertTrue(page, token.find());
        assertEquals(303, admin.post("action=dismiss&name=" + name + "&token=" + token.group(1)).statusCode());
        assertTrue(dumps.get().isEmpty());

        String kept = shell.as(KarafShell.ADMIN, "sample:crash for-a-viewer");
        kept = kept.substring(kept.lastIndexOf(' ') + 1).strip();
        Client viewer = new Client("devcd-viewer");
        assertEquals("Karaf's console lets in role admin only", 401, viewer.get("").statusCode());
        shell.as(KarafShell.ADMIN,
                KarafSetup.readmeLine("config:property-set -p org.apache.karaf.webconsole role viewer"));
        KarafSetup.awaitManagedServicesUpdated(context, configurationAdmin);
        String seen = viewer.page();
        assertTrue(seen, seen.contains("<td>" + kept + "</td>") && seen.contains("for users with the role admin"));
        assertFalse(seen, seen.contains("Download") || seen.contains("<form method=\"post\""));
        assertEquals(403, viewer.get("?content=" + kept).statusCode());
        assertEquals(403, viewer.post("action=dismiss&name=" + kept + "&token=" + token.group(1)).statusCode());
        assertEquals(1, dumps.get().size());
    }

    /** One Karaf user's requests to the page, with basic authentication (the README's password), no redirects. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final String authorization;

        Client(String user) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(
                    StandardCharsets.UTF_8));
        }

        /** @param path the console's path, with a query if any, such as {@code PAGE + "?content=devcd1"} */
        HttpRequest.Builder request(String path) {
            URI uri = URI.create("http://127.0.0.1:" + System.getProperty("devcd.http.port") + path);
            return HttpRequest.newBuilder(uri).timeout(KarafSetup.SETTLE_BOUND).header("Authorization", authorization);
        }

        HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<byte[]> get(String query) throws Exception {
            return send(request(PAGE + query).GET());
        }

        HttpResponse<byte[]> post(String form) throws Exception {
            return send(request(PAGE).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** @return the page, which must answer 200 */
        String page() throws Exception {
            HttpResponse<byte[]> response = get("");
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertEquals(body, 200, response.statusCode());
            return body;
        }
    }
}
