package org.devcd.consoles.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * One request to the page "Device coredumps" and its response, whichever servlet API carries them: the Web Console 5
 * hands {@code jakarta.servlet} objects to {@link CoredumpsPlugin}, Karaf's Web Console {@code javax.servlet} objects to
 * {@link JavaxCoredumpsPlugin}. {@link PageRequests} answers through this, so both pages behave the same; each plugin
 * adapts its request and response and decides, with its console's security, whether the user is an admin.
 *
 * <p>Not thread-safe: one request, one thread.
 */
interface PageExchange {

    /** @return the request's parameter {@code name} (query or form), or null */
    String parameter(String name);

    /** @return whether the console's security authorizes the request's user to read contents and act on dumps */
    boolean admin();

    /** @return the page's absolute path, where its forms post and its links point */
    String pluginRoot();

    void status(int status);

    void header(String name, String value);

    /**
     * Sets the content type through the servlet API's own {@code setContentType}, not as a header: the Web Console 5
     * takes that call (or a status) as the sign that the plugin answered a GET itself, and only then leaves the
     * response alone instead of wrapping it in its page, which would fail on the body already written.
     */
    void contentType(String type);

    /** @return the response's body, for bytes; not together with {@link #writer()} */
    OutputStream body() throws IOException;

    /** @return the response's body, for text; not together with {@link #body()} */
    Writer writer() throws IOException;

    /** Forgets status, headers and buffered body; only before anything was sent. */
    void reset();

    /** Answers with {@code status} and {@code message} in the container's error page. */
    void sendError(int status, String message) throws IOException;
}
