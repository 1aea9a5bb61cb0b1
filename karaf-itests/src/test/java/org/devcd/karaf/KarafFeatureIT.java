package org.devcd.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Map;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.inject.Inject;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.devcd.coredump.CoredumpAdmin;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A stock Apache Karaf 4.4.10 distribution installs the devcd features; the sample driver registers a dump; Karaf's own
 * shell lists, reads and dismisses dumps; uninstalling the driver takes its dumps with it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class KarafFeatureIT {
    /** The roles of Karaf's stock admingroup, and of its viewer role alone. */
    private static final String[] ADMIN = {"admin", "manager", "viewer", "systembundles"};
    private static final String[] VIEWER = {"viewer"};

    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Inject
    private SessionFactory sessions;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        String pax = "etc/org.ops4j.pax.url.mvn.cfg";
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(System.getProperty("devcd.karaf.distribution")).toURI().toString())
                    .karafVersion("4.4.10")
                    .name("Apache Karaf")
                    .unpackDirectory(new File(System.getProperty("devcd.exam.dir")))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // Nothing from the network: Karaf's system folder, devcd's staged artifacts, and the local repository.
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.localRepository", System.getProperty("devcd.m2")),
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots, file:"
                            + System.getProperty("devcd.karaf.repo") + "@id=devcd@snapshots"),
            vmOptions(
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
                    "--add-opens", "java.base/java.security=ALL-UNNAMED",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                    "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                    "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED"),
            // Two logins for the JMX test: a viewer, and an admin with the roles of Karaf's admingroup.
            editConfigurationFilePut("etc/users.properties", "devcd-viewer", "secret,viewer"),
            editConfigurationFilePut("etc/users.properties", "devcd-admin", "secret,admin,manager,viewer,systembundles"),
            features("mvn:org.devcd/features/" + System.getProperty("devcd.version") + "/xml/features",
                    "devcd-sample")
        };
    }

    /** The driver's dump is listed, read and dismissed through Karaf's shell; uninstalling the driver removes its dumps. */
    @Test
    public void shellCommandsAndDriverUninstall() throws Exception {
        String crashed = as(ADMIN, "sample:crash karaf");
        assertTrue(crashed, crashed.startsWith("sample0 crashed: coredump devcd"));
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();

        String listed = as(ADMIN, "devcd:list");
        assertTrue(listed, listed.contains(name));
        String read = as(ADMIN, "devcd:read " + name);
        assertTrue(read, read.contains("|device: sample0.|"));
        assertEquals(name + " dismissed", as(ADMIN, "devcd:dismiss " + name).strip());
        assertTrue(admin.list().isEmpty());

        as(ADMIN, "sample:crash again");
        assertEquals(1, admin.list().size());
        for (Bundle bundle : context.getBundles()) {
            if ("org.devcd.driver.sample".equals(bundle.getSymbolicName())) {
                bundle.uninstall();
            }
        }
        assertTrue(admin.list().isEmpty());
    }

    /** A viewer may list but not read or dismiss dumps; an admin may do all three (the feature's command ACL). */
    @Test
    public void readingAndDismissingNeedTheAdminRole() throws Exception {
        String crashed = as(ADMIN, "sample:crash acl");
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();

        String listed = as(VIEWER, "devcd:list");
        assertTrue(crashed + " / " + listed, listed.contains(name));
        assertDenied(VIEWER, "devcd:read " + name);
        assertDenied(VIEWER, "devcd:dismiss " + name);
        assertDenied(VIEWER, "devcd:disable");
        assertEquals(1, admin.list().size());

        assertTrue(as(ADMIN, "devcd:read " + name).contains("|device: sample0.|"));
        assertEquals(name + " dismissed", as(ADMIN, "devcd:dismiss " + name).strip());
    }

    /**
     * Through JMX, too, over Karaf's own JMX connector with a user login: a viewer may read the list, only an admin may
     * dismiss (the JMX ACL shipped with the feature).
     */
    @Test
    public void theMBeanIsGuardedByTheJmxAcl() throws Exception {
        String crashed = as(ADMIN, "sample:crash jmx");
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();
        ObjectName coredumps = new ObjectName("org.devcd:type=coredumps");
        String[] signature = {String.class.getName()};

        try (JMXConnector viewer = jmx("devcd-viewer")) {
            String[] dumps = (String[]) viewer.getMBeanServerConnection().getAttribute(coredumps, "Dumps");
            assertEquals(1, dumps.length);
            assertTrue(dumps[0], dumps[0].startsWith(name + " org.devcd.driver.sample "));
            try {
                viewer.getMBeanServerConnection().invoke(coredumps, "dismiss", new Object[] {name}, signature);
                throw new AssertionError("a viewer dismissed " + name + " through JMX");
            } catch (SecurityException expected) {
                assertEquals(1, admin.list().size());
            }
        }
        try (JMXConnector administrator = jmx("devcd-admin")) {
            assertEquals(Boolean.TRUE, administrator.getMBeanServerConnection().invoke(coredumps, "dismiss",
                    new Object[] {name}, signature));
        }
        assertTrue(admin.list().isEmpty());
    }

    /** Logs in to Karaf's JMX connector as {@code user}, on the ports Pax Exam gave it. */
    private JMXConnector jmx(String user) throws IOException {
        Dictionary<String, Object> management = configurationAdmin.getConfiguration("org.apache.karaf.management", null)
                .getProperties();
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.get("rmiServerPort")
                + "/jndi/rmi://127.0.0.1:" + management.get("rmiRegistryPort") + "/karaf-root");
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {user, "secret"}));
    }

    private void assertDenied(String[] roles, String command) throws Exception {
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

    /** Runs {@code command} in a shell session of a user with {@code roles}, as Karaf's ssh login would. */
    private String as(String[] roles, String command) throws Exception {
        return asSubject(roles, () -> execute(command));
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
