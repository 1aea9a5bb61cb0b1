package org.devcd.consoles.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;

/**
 * What the page "Device coredumps" does with a request, the same in every Web Console it is part of:
 *
 * <ul>
 * <li>GET: the page ({@link CoredumpsPage}); {@code ?confirm=disable} adds the confirmation of disabling.</li>
 * <li>GET {@code ?content=NAME}: the dump's content as an attachment {@code NAME.bin}, read through {@link
 * CoredumpAdmin#open}; admins only (403 otherwise), 404 for a dump that is gone.</li>
 * <li>POST {@code action=dismiss&name=NAME}, {@code action=disable&confirm=true}, each with the page's form token:
 * admins only (403 otherwise), 403 without the token; then a redirect (303) to the page.</li>
 * </ul>
 *
 * <p><b>The form token.</b> A browser sends its basic credentials with every request to the console, also with a form
 * that another site makes it post. So every POST must carry the token the page put in its forms: a random value drawn
 * when the page's component is activated, which another site cannot read (the browser keeps the page from it). A page
 * rendered before a restart of the component carries an old token; its POST is refused with "reload the page".
 *
 * <p>Thread-safety: immutable; requests run concurrently, and each download reads through its own reader.
 */
final class PageRequests {
    /** The page's label: its path below the Web Console's root. */
    static final String LABEL = "devcd-coredumps";
    static final String TITLE = "Device coredumps";
    /** The Web Console menu the page is listed in. */
    static final String CATEGORY = "OSGi";
    static final int SEE_OTHER = 303;
    static final int BAD_REQUEST = 400;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int SERVER_ERROR = 500;
    private static final int CHUNK = 64 * 1024;

    private final CoredumpAdmin admin;
    private final String adminRole;
    private final Clock clock = Clock.systemUTC();
    private final String formToken = newToken();

    /**
     * @param adminRole the role {@link PageExchange#admin()} checks in this console, named in what viewers are told
     */
    PageRequests(CoredumpAdmin admin, String adminRole) {
        this.admin = admin;
        this.adminRole = adminRole;
    }

    private static String newToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** @return whether the GET asked for a download, now answered; false: the Web Console renders the page */
    boolean download(PageExchange exchange) throws IOException {
        String name = exchange.parameter("content");
        if (name == null) {
            return false;
        }
        if (!exchange.admin()) {
            exchange.sendError(FORBIDDEN, "reading a dump needs the role " + adminRole);
            return true;
        }
        try (DumpReader reader = admin.open(name)) {
            stream(reader, exchange);
        } catch (NoSuchDumpException e) {
            exchange.sendError(NOT_FOUND, "no dump named '" + name + "'");
        }
        return true;
    }

    /**
     * Streams the content in chunks. A read that fails before anything was sent is a 500 with the reason; after that
     * the response can only be cut short, so the failure is rethrown and the client sees a truncated body.
     */
    private static void stream(DumpReader reader, PageExchange exchange) throws IOException {
        exchange.contentType("application/octet-stream");
        exchange.header("Content-Disposition", "attachment; filename=\"" + reader.info().name() + ".bin\"");
        exchange.header("Cache-Control", "no-cache, no-store, must-revalidate");
        exchange.header("Content-Length", Long.toString(reader.info().size()));
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long offset = 0;
        OutputStream out = null;
        try {
            for (int count; (count = reader.read(offset, buffer.clear())) > 0; offset += count) {
                out = out == null ? exchange.body() : out;
                out.write(buffer.array(), 0, count);
            }
        } catch (DumpReadException | NoSuchDumpException e) {
            if (out != null) {
                throw new IOException("dump " + reader.info().name() + " failed after " + offset + " bytes", e);
            }
            exchange.reset();
            exchange.sendError(e instanceof NoSuchDumpException ? NOT_FOUND : SERVER_ERROR, e.getMessage());
        }
    }

    /** Writes the page's content, which the Web Console puts between its header and its footer. */
    void render(PageExchange exchange) throws IOException {
        boolean asAdmin = exchange.admin();
        CoredumpsPage.View view = new CoredumpsPage.View(admin.status(), admin.counts(), admin.list(), clock.instant(),
                asAdmin, exchange.pluginRoot(), "disable".equals(exchange.parameter("confirm")),
                adminRole, asAdmin ? formToken : "");
        exchange.writer().write(CoredumpsPage.render(view));
    }

    /** Dismisses a dump or disables coredumps, as the POSTed form says, and sends the browser back to the page. */
    void act(PageExchange exchange) throws IOException {
        if (!exchange.admin()) {
            exchange.sendError(FORBIDDEN, "acting on dumps needs the role " + adminRole);
            return;
        }
        String token = exchange.parameter(CoredumpsPage.TOKEN);
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                formToken.getBytes(StandardCharsets.UTF_8))) {
            exchange.sendError(FORBIDDEN, "the form token is missing or stale: reload the page and try again");
            return;
        }
        String action = String.valueOf(exchange.parameter("action"));
        String name = exchange.parameter("name");
        if (action.equals("dismiss") && name != null) {
            admin.dismiss(name); // false: already gone or being deleted, which is what was asked for
        } else if (action.equals("disable") && "true".equals(exchange.parameter("confirm"))) {
            admin.disable();
        } else {
            exchange.sendError(BAD_REQUEST, "action: '" + action
                    + "' (expected: dismiss with a name, or disable with confirm=true)");
            return;
        }
        exchange.status(SEE_OTHER);
        exchange.header("Location", exchange.pluginRoot());
    }
}
