package org.devcd.karaf;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.devcd.coredump.CoredumpAdmin;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.cm.ManagedService;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What every Karaf itest shares: the stock distribution with nothing from the network, the README's users, the README's
 * install lines, and the wait until Karaf's shell has seen the features' command ACLs.
 */
final class KarafSetup {
    /** The fenced block of the README that a Karaf admin appends to {@code etc/users.properties}. */
    private static final String USERS_BLOCK = "# etc/users.properties";
    /** How long the features' services and configuration may take to appear once {@code feature:install} returned. */
    static final Duration SETTLE_BOUND = Duration.ofSeconds(30);
    /** The sample driver's feature, which the README names (in backquotes) right after its Karaf lines. */
    private static final String SAMPLE_FEATURE = "devcd-sample";

    private KarafSetup() {
    }

    /** The README, as failsafe (which runs in this module's folder) sees it; the tests inside Karaf get its path. */
    static Path readme() {
        return Path.of("..", "README.md").toAbsolutePath().normalize();
    }

    /**
     * The README's Karaf lines (section Deploying), for this build's version. The tests run them verbatim and fail when
     * the README no longer shows them: the README and the tests cannot drift apart.
     */
    private static List<String> readmeKarafLines(String version) {
        return List.of(
                "feature:repo-add mvn:org.devcd/features/" + version + "/xml/features",
                "feature:install devcd");
    }

    /**
     * @return the lines that install devcd and its sample driver in Karaf's shell, exactly as the README shows them
     * @throws AssertionError if the README no longer shows them
     */
    static List<String> readmeInstallLines() throws IOException {
        Path readmePath = Path.of(System.getProperty("devcd.readme"));
        String readme = Files.readString(readmePath, StandardCharsets.UTF_8);
        List<String> readmeLines = readme.lines().map(String::strip).collect(Collectors.toList());
        List<String> lines = new ArrayList<>(readmeKarafLines(System.getProperty("devcd.version")));
        lines.forEach(line -> assertReadmeShows(readmeLines, line));
        if (!readme.contains("`" + SAMPLE_FEATURE + "`")) {
            throw new AssertionError(readmePath + " does not name the feature `" + SAMPLE_FEATURE + "`");
        }
        lines.add("feature:install " + SAMPLE_FEATURE);
        return lines;
    }

    /**
     * @return {@code line}, which a test runs in Karaf's shell as the README shows it
     * @throws AssertionError if the README no longer shows it on a line of its own
     */
    static String readmeLine(String line) throws IOException {
        assertReadmeShows(Files.readAllLines(Path.of(System.getProperty("devcd.readme")), StandardCharsets.UTF_8)
                .stream().map(String::strip).toList(), line);
        return line;
    }

    private static void assertReadmeShows(List<String> readmeLines, String line) {
        if (!readmeLines.contains(line)) {
            throw new AssertionError(System.getProperty("devcd.readme") + " has no line '" + line + "' (the test runs"
                    + " exactly the README's Karaf lines)");
        }
    }

    /**
     * Waits, bounded, until what the tests use is there once the install lines ran: the admin service, the
     * {@code devcd:*} and {@code sample:*} commands, and the command ACLs in Karaf's shell.
     *
     * @return {@code CoredumpAdmin.list()} of the core's admin service
     */
    static Supplier<List<?>> awaitDevcd(BundleContext context, ConfigurationAdmin configurationAdmin) throws Exception {
        CoredumpAdmin admin = (CoredumpAdmin) context.getService(
                awaitService(context, "(objectClass=" + CoredumpAdmin.class.getName() + ")"));
        awaitService(context, "(osgi.command.scope=devcd)");
        awaitService(context, "(osgi.command.scope=sample)");
        awaitConfigurationEventsDelivered(context, configurationAdmin);
        return admin::list;
    }

    /**
     * @param ssh whether Karaf starts its ssh server (on a free port of 127.0.0.1, which the tests find in the system
     *     property {@code devcd.ssh.port})
     * @return a stock Karaf 4.4.10 that resolves only from its system folder, devcd's staged artifacts and the local
     *     repository, whose {@code etc/users.properties} holds exactly the README's users
     */
    static Option[] karaf(boolean ssh) {
        String sshPort = String.valueOf(freePort());
        String pax = "etc/org.ops4j.pax.url.mvn.cfg";
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(System.getProperty("devcd.karaf.distribution")).toURI().toString())
                    .karafVersion("4.4.10")
                    .name("Apache Karaf")
                    .unpackDirectory(new File(System.getProperty("devcd.exam.dir")))
                    .useDeployFolder(false),
            ssh ? configureConsole().ignoreLocalConsole() : configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
            logLevel(LogLevel.WARN),
            // Nothing from the network: Karaf's system folder, devcd's staged artifacts (this build's, found before
            // anything an earlier `mvn install` left in the local repository), and the local repository.
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.localRepository", System.getProperty("devcd.m2")),
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots, file:"
                            + System.getProperty("devcd.karaf.repo") + "@id=devcd@snapshots"),
            replaceConfigurationFile("etc/users.properties", readmeUsersFile()),
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
            systemProperty("devcd.version").value(System.getProperty("devcd.version")),
            systemProperty("devcd.readme").value(readme().toString()),
            systemProperty("devcd.ssh.port").value(sshPort),
            systemProperty("devcd.transcript").value(Path.of(System.getProperty("devcd.exam.dir"))
                    .resolveSibling("karaf-client-transcript.txt").toString())
        };
    }

    /**
     * @return Pax Web's HTTP port for the {@code http} feature: a free port, which the tests find in the system property
     *     {@code devcd.http.port}
     */
    static Option[] httpPort() {
        String port = String.valueOf(freePort());
        return new Option[] {
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
            systemProperty("devcd.http.port").value(port)
        };
    }

    /** A port nobody listens on now, for Karaf's ssh server and its HTTP service. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The README's users block, verbatim, as the whole of {@code etc/users.properties} (the stock file has nothing but
     * comments): the itests log in as the users the README tells an admin to create.
     */
    private static File readmeUsersFile() {
        try {
            Path file = Path.of(System.getProperty("devcd.exam.dir"), "readme-users.properties");
            Files.createDirectories(file.getParent());
            Files.write(file, readmeBlock(readme(), USERS_BLOCK), StandardCharsets.ISO_8859_1);
            return file.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param firstLine the comment line that opens a fenced properties block of the README, naming its file
     * @return the block's properties, as an admin who copies them into that file gives them to Karaf
     */
    static Map<String, String> readmeProperties(String firstLine) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(String.join("\n", readmeBlock(Path.of(System.getProperty("devcd.readme")),
                firstLine))));
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }

    /** @return the lines of the README's fenced block that starts with {@code firstLine}, up to its closing fence */
    private static List<String> readmeBlock(Path readmePath, String firstLine) throws IOException {
        List<String> readme = Files.readAllLines(readmePath, StandardCharsets.UTF_8);
        int first = readme.indexOf(firstLine);
        if (first < 0) {
            throw new AssertionError(readmePath + " has no block starting with '" + firstLine + "'");
        }
        List<String> block = new ArrayList<>();
        for (String line : readme.subList(first, readme.size())) {
            if (line.startsWith("```")) {
                break;
            }
            block.add(line);
        }
        return block;
    }

    /** The first service that matches {@code filter}, waiting at most {@link #SETTLE_BOUND} for one. */
    static ServiceReference<?> awaitService(BundleContext context, String filter) throws Exception {
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
     * the devcd features' command ACLs among them. Karaf's shell learns a command scope's ACL only from the
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
    static void awaitConfigurationEventsDelivered(BundleContext context, ConfigurationAdmin configurationAdmin)
            throws Exception {
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

    /**
     * Waits, at most {@link #SETTLE_BOUND}, until Config Admin has handed every configuration update made so far to its
     * {@code ManagedService}s: Karaf's Web Console learns a new {@code role} only in its {@code updated()}. Felix Config
     * Admin calls them on one thread, in the order the updates were made, so the update of a barrier PID reaches this
     * test's own {@code ManagedService} only after every earlier update reached its service.
     */
    static void awaitManagedServicesUpdated(BundleContext context, ConfigurationAdmin configurationAdmin)
            throws Exception {
        String pid = "org.devcd.karaf.itest.managed-barrier";
        String token = Long.toString(System.nanoTime());
        CountDownLatch updated = new CountDownLatch(1);
        ManagedService barrier = properties -> {
            if (properties != null && token.equals(properties.get("token"))) {
                updated.countDown();
            }
        };
        ServiceRegistration<ManagedService> registration = context.registerService(ManagedService.class, barrier,
                new Hashtable<>(Map.of(Constants.SERVICE_PID, pid)));
        try {
            configurationAdmin.getConfiguration(pid, null).update(new Hashtable<>(Map.of("token", token)));
            if (!updated.await(SETTLE_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Config Admin did not update " + pid + " within " + SETTLE_BOUND);
            }
        } finally {
            registration.unregister();
        }
    }
}
