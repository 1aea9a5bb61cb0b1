package org.devcd.consoles.internal;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Web Console user's requests to the page "Device coredumps" over real HTTP, with basic authentication, following
 * no redirects (a test sees the 303 after a POST).
 */
final class ConsoleClient {
    static final String PAGE = "/system/console/" + PageRequests.LABEL;

    private static final Pattern TOKEN = Pattern.compile("name=\"" + CoredumpsPage.TOKEN + "\" value=\"([^\"]*)\"");

    private final DevcdFelix felix;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleClient(DevcdFelix felix, String user, String password) {
        this.felix = felix;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Waits, at most {@link DevcdFelix#WAIT}, until the page answers this user with 200, and returns it. */
    HttpResponse<String> awaitPage() {
        return await("the page " + PAGE).atMost(DevcdFelix.WAIT).ignoreExceptions()
                .until(() -> get(""), response -> response.statusCode() == 200);
    }

    /** GETs the page with {@code query} (empty or {@code ?...}) as text. */
    HttpResponse<String> get(String query) throws Exception {
        return http.send(request(query).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the page with {@code query} as bytes. */
    HttpResponse<byte[]> getBytes(String query) throws Exception {
        return http.send(request(query).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** @return the form token of the page as this user gets it (empty for a viewer, whose page has no form) */
    String formToken() throws Exception {
        Matcher token = TOKEN.matcher(get("").body());
        return token.find() ? token.group(1) : "";
    }

    /** POSTs {@code form} ({@code a=b&c=d}) to the page. */
    HttpResponse<String> post(String form) throws Exception {
        HttpRequest.Builder request = request("").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String query) {
        URI uri = felix.uri(PAGE + query);
        return HttpRequest.newBuilder(uri).timeout(DevcdFelix.WAIT).header("Authorization", authorization);
    }
}
