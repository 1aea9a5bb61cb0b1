package org.devcd.consoles.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Web Console page "Device coredumps" at {@code /system/console/devcd-coredumps}: a Web Console 5 plugin, that is
 * a {@code jakarta.servlet.Servlet} service with a label and a title, extending the Web Console's {@link
 * AbstractServlet} so the console wraps {@link #renderContent} in its own header, navigation and footer.
 *
 * <ul>
 * <li>GET: the page ({@link CoredumpsPage}); {@code ?confirm=disable} adds the confirmation of disabling.</li>
 * <li>GET {@code ?content=NAME}: the dump's content as an attachment {@code NAME.bin}, read through {@link
 * CoredumpAdmin#open}; admins only (403 otherwise), 404 for a dump that is gone.</li>
 * <li>POST {@code action=dismiss&name=NAME}, {@code action=disable&confirm=true}: admins only (403 otherwise); then a
 * redirect (303) to the page.</li>
 * </ul>
 *
 * <p>Disabled until {@link ConsolePackages} sees the Web Console's servlet package exported, so SCR neither loads
 * this class nor registers the service before the Web Console is there. Thread-safety: stateless apart from the admin
 * service; requests run concurrently, and each download reads through its own reader.
 */
@Component(name = ConsolePackages.WEB_CONSOLE_PAGE, enabled = false, service = Servlet.class, property = {
    ServletConstants.PLUGIN_LABEL + "=" + CoredumpsPlugin.LABEL,
    ServletConstants.PLUGIN_TITLE + "=Device coredumps",
    ServletConstants.PLUGIN_CATEGORY + "=OSGi"
})
public final class CoredumpsPlugin extends AbstractServlet {
    /** The page's label: its path below the Web Console's root. */
    static final String LABEL = "devcd-coredumps";
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 64 * 1024;

    private final transient CoredumpAdmin admin;
    private final transient Clock clock = Clock.systemUTC();

    @Activate
    public CoredumpsPlugin(@Reference(name = "admin") CoredumpAdmin admin) {
        this.admin = admin;
    }

    /** Serves a download; anything else is left to the Web Console, which then calls {@link #renderContent}. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("content");
        if (name == null) {
            return;
        }
        if (!Roles.isAdmin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "reading a dump needs the role " + Roles.ADMIN);
            return;
        }
        try (DumpReader reader = admin.open(name)) {
            download(reader, response);
        } catch (NoSuchDumpException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no dump named '" + name + "'");
        }
    }

    /**
     * Streams the content in chunks. A read that fails before anything was sent is a 500 with the reason; after that
     * the response can only be cut short, so the failure is rethrown and the client sees a truncated body.
     */
    private static void download(DumpReader reader, HttpServletResponse response) throws IOException {
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + reader.info().name() + ".bin\"");
        response.setContentLengthLong(reader.info().size());
        AbstractServlet.setNoCache(response);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long offset = 0;
        OutputStream out = null;
        try {
            for (int count; (count = reader.read(offset, buffer.clear())) > 0; offset += count) {
                out = out == null ? response.getOutputStream() : out;
                out.write(buffer.array(), 0, count);
            }
        } catch (DumpReadException | NoSuchDumpException e) {
            if (out != null) {
                throw new IOException("dump " + reader.info().name() + " failed after " + offset + " bytes", e);
            }
            response.reset();
            response.sendError(e instanceof NoSuchDumpException ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getMessage());
        }
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CoredumpsPage.View view = new CoredumpsPage.View(admin.status(), admin.counts(), admin.list(), clock.instant(),
                Roles.isAdmin(request), pluginRoot(request), "disable".equals(request.getParameter("confirm")));
        response.getWriter().write(CoredumpsPage.render(view));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Roles.isAdmin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "acting on dumps needs the role " + Roles.ADMIN);
            return;
        }
        String action = String.valueOf(request.getParameter("action"));
        String name = request.getParameter("name");
        if (action.equals("dismiss") && name != null) {
            admin.dismiss(name); // false: already gone or being deleted, which is what was asked for
        } else if (action.equals("disable") && "true".equals(request.getParameter("confirm"))) {
            admin.disable();
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "action: '" + action
                    + "' (expected: dismiss with a name, or disable with confirm=true)");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", pluginRoot(request));
    }

    /** @return the page's absolute path, as the Web Console gives it, or the request's path if it gives none */
    private static String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT);
        return root instanceof String path ? path : request.getRequestURI();
    }
}
