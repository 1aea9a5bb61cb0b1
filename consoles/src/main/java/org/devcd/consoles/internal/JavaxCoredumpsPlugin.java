package org.devcd.consoles.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.AbstractWebConsolePlugin;
import org.devcd.coredump.CoredumpAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The same page "Device coredumps", for the Web Console's older plugin API on {@code javax.servlet} (package {@code
 * org.apache.felix.webconsole} 3.x): the API of Karaf's {@code webconsole} feature, whose console is Karaf's repackaging
 * of the Felix Web Console 4. What the page does is {@link PageRequests}'; this class adapts the javax request and
 * decides the role from Karaf's login ({@link JaasRoles}).
 *
 * <p>Disabled until {@link ConsolePackages} sees that API exported while the Web Console 5's is not: the Web Console 5
 * still exports the old package for old plugins, and there {@link CoredumpsPlugin} is the page. Thread-safety:
 * stateless apart from {@link PageRequests}.
 */
@Component(name = ConsolePackages.JAVAX_WEB_CONSOLE_PAGE, enabled = false, service = Servlet.class, property = {
    "felix.webconsole.label=" + PageRequests.LABEL,
    "felix.webconsole.title=" + PageRequests.TITLE,
    "felix.webconsole.category=" + PageRequests.CATEGORY
})
@SuppressWarnings("deprecation") // the javax plugin API is deprecated in the Web Console 5; Karaf's console has no other
public final class JavaxCoredumpsPlugin extends AbstractWebConsolePlugin {
    /**
     * The request attribute in which Karaf's Web Console leaves the JAAS subject of the login (its {@code
     * org.apache.felix.webconsole.user} holds only the user's name).
     */
    private static final String SUBJECT_ATTRIBUTE = "karaf.subject.runas";
    private static final String PLUGIN_ROOT_ATTRIBUTE = "felix.webconsole.pluginRoot";
    private static final long serialVersionUID = 1L;

    private final transient PageRequests requests;

    @Activate
    public JavaxCoredumpsPlugin(@Reference(name = "admin") CoredumpAdmin admin) {
        this.requests = new PageRequests(admin, JaasRoles.KARAF_ADMIN);
    }

    @Override
    public String getLabel() {
        return PageRequests.LABEL;
    }

    @Override
    public String getTitle() {
        return PageRequests.TITLE;
    }

    @Override
    public String getCategory() {
        return PageRequests.CATEGORY;
    }

    /** Serves a download; anything else goes to the Web Console's frame, which then calls {@link #renderContent}. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!requests.download(new Exchange(request, response))) {
            super.doGet(request, response);
        }
    }

    @Override
    protected void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requests.render(new Exchange(request, response));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requests.act(new Exchange(request, response));
    }

    /** A javax request and response as {@link PageRequests} sees them. */
    private record Exchange(HttpServletRequest request, HttpServletResponse response) implements PageExchange {
        @Override
        public String parameter(String name) {
            return request.getParameter(name);
        }

        @Override
        public boolean admin() {
            return JaasRoles.holds(request.getAttribute(SUBJECT_ATTRIBUTE), JaasRoles.KARAF_ADMIN);
        }

        /** The path the Web Console gives the page, or the request's path if it gives none. */
        @Override
        public String pluginRoot() {
            return request.getAttribute(PLUGIN_ROOT_ATTRIBUTE) instanceof String root ? root : request.getRequestURI();
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
