package org.devcd.karaf;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Karaf's own shell, as users with given roles type into it after Karaf's JAAS login. */
final class KarafShell {
    /** The roles of Karaf's stock admingroup, and of its viewer role alone. */
    static final String[] ADMIN = {"admin", "manager", "viewer", "systembundles"};
    static final String[] VIEWER = {"viewer"};

    private final SessionFactory sessions;

    KarafShell(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Runs {@code command} in a shell session of a user with {@code roles}, as Karaf's ssh login would. */
    String as(String[] roles, String command) throws Exception {
        return asSubject(roles, () -> execute(command));
    }

    /** Fails unless Karaf refuses {@code command} to a user with {@code roles}. */
    void assertDenied(String[] roles, String command) throws Exception {
        String out;
        try {
            out = as(roles, command);
        } catch (Exception refused) {
            // Karaf hides a command from a subject that lacks the role (its shell's CommandNotFoundException, a class
            // bundles cannot import), or refuses it with a SecurityException "Insufficient credentials".
            assertTrue(String.valueOf(refused), refused instanceof SecurityException
                    || refused.getClass().getSimpleName().equals("CommandNotFoundException"));
            return;
        }
        throw new AssertionError("roles " + String.join(",", roles) + " ran '" + command + "': " + out);
    }

    /** Runs {@code action} as a user with {@code roles}, as Karaf's JAAS login would. */
    private static <T> T asSubject(String[] roles, PrivilegedExceptionAction<T> action) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("devcd-" + roles[0]));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        try {
            return Subject.doAs(subject, action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            return result != null ? result.toString() : out.toString(StandardCharsets.UTF_8);
        } finally {
            session.close();
        }
    }
}
