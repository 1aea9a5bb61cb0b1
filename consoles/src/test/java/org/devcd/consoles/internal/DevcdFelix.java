package org.devcd.consoles.internal;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The one provisioning of the integration tests: an embedded Felix with what devcd needs at run time (SCR and the APIs
 * it needs, Config Admin, Event Admin), the core, the sample driver and this module's bundle, each started and checked
 * ACTIVE, plus the consoles a test asks for (with the Web Console, the HTTP service on a free loopback port). A weaving hook records every class the bundles define, so a test can tell
 * which classes were never loaded.
 *
 * <p>devcd's classes live in the framework's class space (the test's class path has copies that are other classes), so
 * the tests reach devcd's services through {@link #call}, by reflection. Only the Karaf diagnostic API is shared: as in
 * Karaf, the system bundle exports it from the class path.
 */
final class DevcdFelix implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String CONSOLES = "org.devcd.consoles";
    static final String INVENTORY = "org.apache.felix.inventory";

    /** The consoles a framework may start with. */
    enum Console {
        /** The Felix Inventory bundle (and the Log API it imports). */
        INVENTORY,
        /** Karaf's diagnostic API, exported by the system bundle as Karaf's {@code config.properties} does. */
        KARAF_DIAGNOSTICS,
        /** The Felix HTTP service (Jetty 11, jakarta servlets) on a free loopback port, and the Felix Web Console 5. */
        WEB_CONSOLE
    }

    /** What the Web Console needs, in order: the slf4j 1.7 API it imports, the HTTP service, the Inventory it imports. */
    private static final List<String> WEB_CONSOLE_BUNDLES = List.of("slf4j-api", "slf4j-simple",
            "org.apache.felix.http.servlet-api", "org.apache.felix.http.jetty", "org.osgi.service.log", INVENTORY,
            "encoder", "org.apache.felix.webconsole");

    private final Framework framework;
    private final Map<String, Set<String>> defined = new ConcurrentHashMap<>();
    private final int port;
    /** The process's standard error while this framework runs, where its bundles log. */
    private final ErrorCapture errors = new ErrorCapture();

    private DevcdFelix(Path storage, Set<Console> consoles) throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Map<String, String> properties = new HashMap<>(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                "org.osgi.service.http.port", Integer.toString(port),
                "org.apache.felix.http.host", InetAddress.getLoopbackAddress().getHostAddress()));
        if (consoles.contains(Console.KARAF_DIAGNOSTICS)) {
            properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.apache.karaf.diagnostic.core;version=4.4.10,"
                    + "org.apache.karaf.diagnostic.core.common;version=4.4.10");
        }
        errors.start();
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(properties);
        framework.init();
        WeavingHook recorder = woven -> defined.computeIfAbsent(woven.getBundleWiring().getBundle().getSymbolicName(),
                any -> ConcurrentHashMap.newKeySet()).add(woven.getClassName());
        context().registerService(WeavingHook.class, recorder, null);
        framework.start();
    }

    /** Starts a framework on {@code storage} (empty) with devcd, this module's bundle and {@code consoles}. */
    static DevcdFelix start(Path storage, Console... consoles) throws Exception {
        DevcdFelix felix = new DevcdFelix(storage, Set.of(consoles));
        List<Path> jars = new ArrayList<>();
        for (String runtime : List.of("org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
                "org.apache.felix.scr", "org.apache.felix.configadmin", "org.apache.felix.eventadmin")) {
            jars.add(runtimeBundle(runtime));
        }
        jars.add(Path.of(property("devcd.core.bundle")));
        jars.add(Path.of(property("devcd.driver.bundle")));
        jars.add(Path.of(property("devcd.consoles.bundle")));
        if (Set.of(consoles).contains(Console.WEB_CONSOLE)) {
            WEB_CONSOLE_BUNDLES.forEach(name -> jars.add(runtimeBundle(name)));
        }
        felix.installAndStart(jars);
        if (Set.of(consoles).contains(Console.INVENTORY)) {
            felix.installInventory();
        }
        return felix;
    }

    /** @return the URI of {@code path} on this framework's HTTP service (with {@link Console#WEB_CONSOLE}) */
    URI uri(String path) {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + path);
    }

    /** Installs and starts the Felix Inventory, and the Log API it imports, into the running framework. */
    void installInventory() throws Exception {
        installAndStart(List.of(runtimeBundle("org.osgi.service.log"), runtimeBundle(INVENTORY)));
    }

    private void installAndStart(List<Path> jars) throws Exception {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context().installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : installed) {
            bundle.start(); // throws, naming what is missing, if the bundle does not resolve
        }
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    Bundle bundle(String symbolicName) {
        return Arrays.stream(context().getBundles()).filter(b -> b.getSymbolicName().equals(symbolicName)).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " installed"));
    }

    /** @return the classes {@code symbolicName} has defined so far */
    Set<String> definedClasses(String symbolicName) {
        return defined.getOrDefault(symbolicName, Set.of());
    }

    /** @return the references to services of any class space that match {@code filter}, none if there are none */
    List<ServiceReference<?>> references(String filter) throws Exception {
        ServiceReference<?>[] references = context().getAllServiceReferences(null, filter);
        return references == null ? List.of() : List.of(references);
    }

    /** Waits, at most {@link #WAIT}, for a service that matches {@code filter}, and gets it for the system bundle. */
    Object service(String filter) throws Exception {
        ServiceReference<?> reference = await().atMost(WAIT).until(() -> references(filter), r -> !r.isEmpty())
                .get(0);
        return context().getService(reference);
    }

    /**
     * Asks SCR about a component of this module's bundle.
     *
     * @return {@code disabled}, or the state of its configuration: {@code active}, {@code satisfied} (a delayed
     *         component whose service nobody got yet), {@code unsatisfied reference}, {@code failed activation}, ...
     */
    String component(String name) throws Exception {
        String runtime = "org.osgi.service.component.runtime.ServiceComponentRuntime";
        Object scr = service("(objectClass=" + runtime + ")");
        Object description = call(scr, runtime, "getComponentDescriptionDTO", bundle(CONSOLES), name);
        if (!(Boolean) call(scr, runtime, "isComponentEnabled", description)) {
            return "disabled";
        }
        List<String> states = new ArrayList<>();
        for (Object configuration : (Collection<?>) call(scr, runtime, "getComponentConfigurationDTOs", description)) {
            int state = configuration.getClass().getField("state").getInt(configuration);
            states.add(Map.of(1, "unsatisfied configuration", 2, "unsatisfied reference", 4, "satisfied", 8, "active",
                    16, "failed activation").getOrDefault(state, "state " + state));
        }
        return String.join(", ", states);
    }

    /** Waits, at most {@link #WAIT}, until {@link #component} says {@code state}. */
    void awaitComponent(String name, String state) {
        await(name + " " + state).atMost(WAIT).until(() -> component(name), state::equals);
    }

    /** Makes the sample driver's device fail with {@code reason}; @return the name of the dump it registered */
    String crash(String reason) throws Exception {
        String sampleDriver = "org.devcd.driver.sample.SampleDriver";
        String line = (String) call(service("(objectClass=" + sampleDriver + ")"), sampleDriver, "fail", reason);
        return line.substring(line.lastIndexOf(' ') + 1); // "sample0 crashed: coredump devcdN"
    }

    /** @return the content of dump {@code name}, read through the core's {@code CoredumpAdmin} */
    byte[] content(String name) throws Exception {
        Object admin = service("(objectClass=org.devcd.coredump.CoredumpAdmin)");
        Object reader = call(admin, "org.devcd.coredump.CoredumpAdmin", "open", name);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        String type = "org.devcd.coredump.DumpReader";
        for (int count; (count = (int) call(reader, type, "read", (long) content.size(), buffer.clear())) > 0;) {
            content.write(buffer.array(), 0, count);
        }
        call(reader, type, "close");
        return content.toByteArray();
    }

    /** Sets {@code key} of configuration {@code pid} to {@code value} through Config Admin. */
    void configure(String pid, String key, Object value) throws Exception {
        String admin = "org.osgi.service.cm.ConfigurationAdmin";
        Object configuration = call(service("(objectClass=" + admin + ")"), admin, "getConfiguration", pid, "?");
        call(configuration, "org.osgi.service.cm.Configuration", "update", new Hashtable<>(Map.of(key, value)));
    }

    /**
     * Calls the method {@code method} of {@code type} (a public interface or class, loaded where {@code target}'s class
     * was) with as many parameters as {@code args}.
     */
    static Object call(Object target, String type, String method, Object... args) throws Exception {
        Class<?> declaring = Class.forName(type, false, target.getClass().getClassLoader());
        Method found = Arrays.stream(declaring.getMethods())
                .filter(m -> m.getName().equals(method) && m.getParameterCount() == args.length)
                .reduce((a, b) -> {
                    throw new IllegalArgumentException(type + " has several " + method + " of " + args.length);
                })
                .orElseThrow(() -> new IllegalArgumentException(type + " has no " + method + " of " + args.length));
        try {
            return found.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Path runtimeBundle(String name) {
        return Path.of(property("devcd.runtime.bundles"), name + ".jar");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the test through Maven");
        }
        return value;
    }

    /**
     * Stops the framework, failing if it does not stop within {@link #WAIT}, or if anything logged an ERROR while it
     * ran (an exception the HTTP service caught while it served the page, say, which the client may never see).
     */
    @Override
    public void close() throws BundleException {
        try {
            stop();
        } finally {
            errors.stop();
        }
        errors.assertNoErrorLogged();
    }

    private void stop() throws BundleException {
        framework.stop();
        FrameworkEvent stopped;
        try {
            stopped = framework.waitForStop(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the framework stopped", e);
        }
        if (stopped.getType() != FrameworkEvent.STOPPED) {
            throw new AssertionError("the framework did not stop within " + WAIT + ": event " + stopped.getType());
        }
    }
}
