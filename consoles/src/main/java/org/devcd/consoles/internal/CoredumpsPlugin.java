package org.devcd.consoles.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.devcd.coredump.CoredumpAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The page "Device coredumps" at {@code /system/console/devcd-coredumps} in the Felix Web Console 5: a {@code
 * jakarta.servlet.Servlet} service with a label and a title, extending the Web Console's {@link AbstractServlet} so the
 * console wraps {@link #renderContent} in its own header, navigation and footer. What the page does is {@link
 * PageRequests}'; this class adapts the jakarta request and asks the Web Console's security for the role
 * ({@link Roles#isAdmin}).
 *
 * <p>Disabled until {@link ConsolePackages} sees the Web Console 5's servlet package exported, so SCR neither loads
 * this class nor registers the service before. Thread-safety: stateless apart from {@link PageRequests}.
 */
@Component(name = ConsolePackages.WEB_CONSOLE_PAGE, enabled = false, service = Servlet.class, property = {
    ServletConstants.PLUGIN_LABEL + "=" + PageRequests.LABEL,
    ServletConstants.PLUGIN_TITLE + "=" + PageRequests.TITLE,
    ServletConstants.PLUGIN_CATEGORY + "=" + PageRequests.CATEGORY
})
public final class CoredumpsPlugin extends AbstractServlet {
    private static final long serialVersionUID = 1L;

    private final transient PageRequests requests;

    @Activate
    public CoredumpsPlugin(@Reference(name = "admin") CoredumpAdmin admin) {
        this.requests = new PageRequests(admin, Roles.ADMIN);
    }

    /** Serves a download; anything else is left to the Web Console, which then calls {@link #renderContent}. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requests.download(new Exchange(request, response));
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requests.render(new Exchange(request, response));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requests.act(new Exchange(request, response));
    }

    /** A jakarta request and response as {@link PageRequests} sees them. */
    private record Exchange(HttpServletRequest request, HttpServletResponse response) implements PageExchange {
        @Override
        public String parameter(String name) {
            return request.getParameter(name);
        }

        @Override
        public boolean admin() {
            return Roles.isAdmin(request);
        }

        /** The path the Web Console gives the page, or the request's path if it gives none. */
        @Override
        public String pluginRoot() {
            return request.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT) instanceof String root ? root
                    : request.getRequestURI();
        }

        @Override
        public void status(int status) {
            response.setStatus(status);
        }

        @Override
        public void header(String name, String value) {
            response.setHeader(name, value);
        }

        @Override
        public void contentType(String type) {
            response.setContentType(type);
        }

        @Override
        public OutputStream body() throws IOException {
            return response.getOutputStream();
        }

        @Override
        public Writer writer() throws IOException {
            return response.getWriter();
        }

        @Override
        public void reset() {
            response.reset();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            response.sendError(status, message);
        }
    }
}
