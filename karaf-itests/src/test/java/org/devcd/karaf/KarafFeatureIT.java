package org.devcd.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
import org.junit.Before;
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
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A stock Apache Karaf 4.4.10 distribution installs the devcd features with the README's own lines, typed into Karaf's
 * shell; the sample driver registers a dump; Karaf's own shell lists, reads and dismisses dumps; uninstalling the driver
 * takes its dumps with it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class KarafFeatureIT {
    /** The roles of Karaf's stock admingroup, and of its viewer role alone. */
    private static final String[] ADMIN = {"admin", "manager", "viewer", "systembundles"};
    private static final String[] VIEWER = {"viewer"};
    /** How long the features' services and configuration may take to appear once {@code feature:install} returned. */
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    /**
     * {@link CoredumpAdmin#list()} of the core's admin service, once {@link #installDevcdAsTheReadmeSays()} installed
     * the features. No field or method signature of this class names a devcd type: the probe sees devcd's API only once
     * devcd is installed, and JUnit reflects on this class before that.
     */
    private Supplier<List<?>> dumps;

    @Inject
    private SessionFactory sessions;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    /**
     * The README's Karaf lines (section Deploying), for this build's version. Every test runs them, verbatim, in Karaf's
     * shell, and fails when the README no longer shows them: the README and this test cannot drift apart.
     */
    static List<String> readmeKarafLines(String version) {
        return List.of(
                "feature:repo-add mvn:org.devcd/features/" + version + "/xml/features",
                "feature:install devcd");
    }

    /** The sample driver's feature, which the README names (in backquotes) right after its Karaf lines. */
    static final String SAMPLE_FEATURE = "devcd-sample";

    @Configuration
    public Option[] config() {
        String pax = "etc/org.ops4j.pax.url.mvn.cfg";
        // Failsafe runs in this module's folder; the tests run inside Karaf, whose working folder is its home.
        Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(System.getProperty("devcd.karaf.distribution")).toURI().toString())
                    .karafVersion("4.4.10")
                    .name("Apache Karaf")
                    .unpackDirectory(new File(System.getProperty("devcd.exam.dir")))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // Nothing from the network: Karaf's system folder, devcd's staged artifacts (this build's, found before
            // anything an earlier `mvn install` left in the local repository), and the local repository.
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
            // No features() option: the tests install devcd themselves, with the README's lines.
            systemProperty("devcd.version").value(System.getProperty("devcd.version")),
            systemProperty("devcd.readme").value(readme.toString())
        };
    }

    /**
     * Installs devcd as the README tells a Karaf user to, then waits, bounded, until what the tests use is there: the
     * admin service, the {@code devcd:*} and {@code sample:*} commands, and the command ACL in Karaf's shell.
     */
    @Before
    public void installDevcdAsTheReadmeSays() throws Exception {
        Path readmePath = Path.of(System.getProperty("devcd.readme"));
        String readme = Files.readString(readmePath, StandardCharsets.UTF_8);
        List<String> readmeLines = readme.lines().map(String::strip).collect(Collectors.toList());
        for (String line : readmeKarafLines(System.getProperty("devcd.version"))) {
            assertTrue(readmePath + " has no line '" + line + "' (the test runs exactly the README's Karaf lines)",
                    readmeLines.contains(line));
            as(ADMIN, line);
        }
        assertTrue(readmePath + " does not name the feature `" + SAMPLE_FEATURE + "`",
                readme.contains("`" + SAMPLE_FEATURE + "`"));
        as(ADMIN, "feature:install " + SAMPLE_FEATURE);

        CoredumpAdmin admin = (CoredumpAdmin) context.getService(
                awaitService("(objectClass=" + CoredumpAdmin.class.getName() + ")"));
        dumps = admin::list;
        awaitService("(osgi.command.scope=devcd)");
        awaitService("(osgi.command.scope=sample)");
        awaitConfigurationEventsDelivered();
    }

    /** The first service that matches {@code filter}, waiting at most {@link #SETTLE_BOUND} for one. */
    private ServiceReference<?> awaitService(String filter) throws Exception {
        ServiceTracker<?, ?> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null);
        tracker.open(true);
        try {
            if (tracker.waitForService(SETTLE_BOUND.toMillis()) == null) {
                throw new AssertionError("no service " + filter + " " + SETTLE_BOUND + " after the devcd features were"
                        + " installed; bundles: " + Arrays.stream(context.getBundles())
                                .map(b -> b.getSymbolicName() + "=" + b.getState()).collect(Collectors.joining(", ")));
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    /**
     * Waits, at most {@link #SETTLE_BOUND}, until Config Admin has delivered every configuration event raised so far,
     * the devcd feature's command ACL among them. Karaf's shell learns a command scope's ACL only from the
     * {@link ConfigurationEvent} of {@code org.apache.karaf.command.acl.devcd}, which Config Admin delivers after
     * {@code feature:install} returned; until then a viewer could still read a dump. Felix Config Admin delivers events
     * on one thread, in the order they were raised, each to every listener, so an event this test raises afterwards
     * reaches its listener only after the shell has seen the ACL:
     *
     * <pre>
     *   test thread                          Config Admin's event thread
     *   feature:install devcd                  (ACL updated) queued
     *   update(barrier)                        (ACL updated), (barrier updated) queued
     *                                          (ACL updated)     -> shell: scope devcd guarded; barrier listener: ignores
     *   latch.await() returns  &lt;-----------   (barrier updated) -> shell: ignores; barrier listener: latch.countDown()
     * </pre>
     */
    private void awaitConfigurationEventsDelivered() throws Exception {
        String pid = "org.devcd.karaf.itest.barrier";
        CountDownLatch delivered = new CountDownLatch(1);
        ConfigurationListener barrier = event -> {
            if (pid.equals(event.getPid()) && event.getType() == ConfigurationEvent.CM_UPDATED) {
                delivered.countDown();
            }
        };
        ServiceRegistration<ConfigurationListener> registration =
                context.registerService(ConfigurationListener.class, barrier, null);
        try {
            configurationAdmin.getConfiguration(pid, null).update(new Hashtable<>(Map.of("barrier", "1")));
            if (!delivered.await(SETTLE_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Config Admin did not deliver the event of " + pid + " within " + SETTLE_BOUND);
            }
        } finally {
            registration.unregister();
        }
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
        assertTrue(dumps.get().isEmpty());

        as(ADMIN, "sample:crash again");
        assertEquals(1, dumps.get().size());
        for (Bundle bundle : context.getBundles()) {
            if ("org.devcd.driver.sample".equals(bundle.getSymbolicName())) {
                bundle.uninstall();
            }
        }
        assertTrue(dumps.get().isEmpty());
    }

    /**
     * A viewer may list but not read or dismiss dumps, nor crash the sample device; an admin may do all of it (the
     * features' command ACLs).
     */
    @Test
    public void readingAndDismissingNeedTheAdminRole() throws Exception {
        String crashed = as(ADMIN, "sample:crash acl");
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();

        String listed = as(VIEWER, "devcd:list");
        assertTrue(crashed + " / " + listed, listed.contains(name));
        assertDenied(VIEWER, "devcd:read " + name);
        assertDenied(VIEWER, "devcd:dismiss " + name);
        assertDenied(VIEWER, "devcd:disable");
        assertDenied(VIEWER, "sample:crash by-a-viewer");
        assertEquals(1, dumps.get().size());

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
            String[] listed = (String[]) viewer.getMBeanServerConnection().getAttribute(coredumps, "Dumps");
            assertEquals(1, listed.length);
            assertTrue(listed[0], listed[0].startsWith(name + " org.devcd.driver.sample "));
            try {
                viewer.getMBeanServerConnection().invoke(coredumps, "dismiss", new Object[] {name}, signature);
                throw new AssertionError("a viewer dismissed " + name + " through JMX");
            } catch (SecurityException expected) {
                assertEquals(1, dumps.get().size());
            }
        }
        try (JMXConnector administrator = jmx("devcd-admin")) {
            assertEquals(Boolean.TRUE, administrator.getMBeanServerConnection().invoke(coredumps, "dismiss",
                    new Object[] {name}, signature));
        }
        assertTrue(dumps.get().isEmpty());
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
