package org.devcd.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.inject.Inject;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A stock Apache Karaf 4.4.10 distribution installs the devcd features with the README's own lines, typed into Karaf's
 * shell; the sample driver registers a dump; Karaf's own shell lists, reads and dismisses dumps; uninstalling the driver
 * takes its dumps with it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class KarafFeatureIT {
    private static final String[] ADMIN = KarafShell.ADMIN;
    private static final String[] VIEWER = KarafShell.VIEWER;
    @Inject
    private BundleContext context;

    /**
     * {@code CoredumpAdmin.list()} of the core's admin service, once {@link #installDevcdAsTheReadmeSays()} installed
     * the features. No field or method signature of this class names a devcd type: the probe sees devcd's API only once
     * devcd is installed, and JUnit reflects on this class before that.
     */
    private Supplier<List<?>> dumps;

    @Inject
    private SessionFactory sessions;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private KarafShell shell;

    @Configuration
    public Option[] config() {
        return KarafSetup.karaf(false);
    }

    /** Installs devcd as the README tells a Karaf user to, in Karaf's shell as an admin. */
    @Before
    public void installDevcdAsTheReadmeSays() throws Exception {
        shell = new KarafShell(sessions);
        for (String line : KarafSetup.readmeInstallLines()) {
            shell.as(ADMIN, line);
        }
        dumps = KarafSetup.awaitDevcd(context, configurationAdmin);
    }

    /** The driver's dump is listed, read and dismissed through Karaf's shell; uninstalling the driver removes its dumps. */
    @Test
    public void shellCommandsAndDriverUninstall() throws Exception {
        String crashed = shell.as(ADMIN, "sample:crash karaf");
        assertTrue(crashed, crashed.startsWith("sample0 crashed: coredump devcd"));
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();

        String listed = shell.as(ADMIN, "devcd:list");
        assertTrue(listed, listed.contains(name));
        String read = shell.as(ADMIN, "devcd:read " + name);
        assertTrue(read, read.contains("|device: sample0.|"));
        assertEquals(name + " dismissed", shell.as(ADMIN, "devcd:dismiss " + name).strip());
        assertTrue(dumps.get().isEmpty());

        shell.as(ADMIN, "sample:crash again");
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
        String crashed = shell.as(ADMIN, "sample:crash acl");
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();

        String listed = shell.as(VIEWER, "devcd:list");
        assertTrue(crashed + " / " + listed, listed.contains(name));
        shell.assertDenied(VIEWER, "devcd:read " + name);
        shell.assertDenied(VIEWER, "devcd:dismiss " + name);
        shell.assertDenied(VIEWER, "devcd:disable");
        shell.assertDenied(VIEWER, "sample:crash by-a-viewer");
        assertEquals(1, dumps.get().size());

        assertTrue(shell.as(ADMIN, "devcd:read " + name).contains("|device: sample0.|"));
        assertEquals(name + " dismissed", shell.as(ADMIN, "devcd:dismiss " + name).strip());
    }

    /**
     * Through JMX, too, over Karaf's own JMX connector with a user login: a viewer may read the list, only an admin may
     * dismiss (the JMX ACL shipped with the feature).
     */
    @Test
    public void theMBeanIsGuardedByTheJmxAcl() throws Exception {
        String crashed = shell.as(ADMIN, "sample:crash jmx");
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

    /**
     * The leak doctor's feature adds the zombie MBean: a viewer reads the zombies, only an admin may ask why (a heap
     * dump), and the admin's answer for a bundle without a zombie revision is a sentence, not a stack trace.
     */
    @Test
    public void theZombieMBeanIsGuardedByTheJmxAcl() throws Exception {
        shell.as(ADMIN, "feature:install devcd-leak-doctor");
        KarafSetup.awaitService(context, "(jmx.objectname=org.devcd:type=zombies)");
        KarafSetup.awaitConfigurationEventsDelivered(context, configurationAdmin);
        // Without a Health Check runtime no devcd component waits for one: Karaf shows no devcd bundle as Waiting.
        shell.as(ADMIN, "bundle:list -s").lines().filter(line -> line.contains("org.devcd"))
                .forEach(line -> assertFalse(line, line.contains("Waiting")));
        ObjectName zombies = new ObjectName("org.devcd:type=zombies");
        Object[] bundle = {1L};
        String[] signature = {long.class.getName()};

        try (JMXConnector viewer = jmx("devcd-viewer")) {
            assertEquals(0, ((String[]) viewer.getMBeanServerConnection().getAttribute(zombies, "Zombies")).length);
            try {
                viewer.getMBeanServerConnection().invoke(zombies, "why", bundle, signature);
                throw new AssertionError("a viewer ran why through JMX");
            } catch (SecurityException expected) {
                // jmx.acl.org.devcd.zombies: why = admin
            }
        }
        try (JMXConnector administrator = jmx("devcd-admin")) {
            try {
                administrator.getMBeanServerConnection().invoke(zombies, "why", bundle, signature);
                throw new AssertionError("why answered for a bundle without a zombie revision");
            } catch (RuntimeMBeanException refused) {
                assertEquals("bundle 1 has no zombie revision (devcd:zombies lists them)",
                        refused.getTargetException().getMessage());
            }
        }
    }

    /**
     * Karaf's own diagnostic archive holds devcd's status and dump list, and no dump content unless an admin turns
     * {@code diagnostic.contents} on (the consoles bundle of the devcd feature). Stock Karaf lets a viewer write the
     * archive too; the README's ACL for {@code dev:dump-create} keeps it for admins.
     */
    @Test
    public void theDiagnosticArchiveHoldsDevcd() throws Exception {
        String crashed = shell.as(ADMIN, "sample:crash diagnosed");
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();
        Path folder = Files.createTempDirectory("devcd-diagnostic");
        Path archive = folder.resolve("karaf-dump.zip");
        String create = "dev:dump-create --no-thread-dump --no-heap-dump ";
        shell.as(VIEWER, create + folder.resolve("by-a-viewer.zip"));
        assertTrue("stock Karaf lets a viewer write the archive", Files.exists(folder.resolve("by-a-viewer.zip")));
        configurationAdmin.getConfiguration("org.apache.karaf.command.acl.dev", null)
                .update(new Hashtable<>(KarafSetup.readmeProperties("# etc/org.apache.karaf.command.acl.dev.cfg")));
        KarafSetup.awaitConfigurationEventsDelivered(context, configurationAdmin);
        shell.assertDenied(VIEWER, create + folder.resolve("refused.zip"));
        shell.as(ADMIN, create + archive);

        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(entries.keySet().toString(), entries.getOrDefault("devcd/status.txt", "").contains("coredumps:"));
        assertTrue(entries.keySet().toString(), entries.getOrDefault("devcd/dumps.txt", "").contains(name));
        assertTrue(entries.keySet().toString(), entries.keySet().stream().noneMatch(e -> e.startsWith("devcd/dumps/")));
    }

    /** Logs in to Karaf's JMX connector as {@code user}, on the ports Pax Exam gave it. */
    private JMXConnector jmx(String user) throws IOException {
        Dictionary<String, Object> management = configurationAdmin.getConfiguration("org.apache.karaf.management", null)
                .getProperties();
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.get("rmiServerPort")
                + "/jndi/rmi://127.0.0.1:" + management.get("rmiRegistryPort") + "/karaf-root");
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {user, "secret"}));
    }
}
