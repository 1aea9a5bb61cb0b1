package org.devcd.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts an embedded Apache Felix with the bundles packed in this jar (SCR, Config Admin, Event Admin, Gogo,
 * the devcd core, the sample and the naive driver, the demo) and runs the demonstration, or a Gogo shell. Framework
 * storage goes to a temporary folder (or the one {@code -Ddevcd.launcher.storage} names) that is removed at exit, also on
 * Ctrl-C and SIGTERM; nothing is fetched from anywhere. A failure is one sentence on standard error; {@code --debug} adds
 * the stack trace.
 */
public final class Main {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar devcd-launcher.jar [demo | shell | --help] [--debug]",
            "  demo    (the default) play a coredump's life, then the dm-builtin race with the naive driver and with",
            "          devcd's, on an embedded Felix; exit status 0 when devcd behaved and the naive driver failed as",
            "          dm-builtin.c predicts, 1 otherwise",
            "  shell   the same framework with the Gogo shell, started once the devcd commands are registered: try",
            "          devcd:list, sample:crash REASON, devcd:read NAME, lb, uninstall ID; 'stop 0' exits",
            "  --help  this text",
            "  --debug a stack trace with a failure, and the storage folder's path",
            "The framework's storage is a new temporary folder, or -D" + Storage.PROPERTY + "=FOLDER (which must not",
            "exist yet); either is removed at exit, also on Ctrl-C and SIGTERM.");
    /**
     * The opt-in of release debugging ({@code org.devcd.release.debug.ReleaseDebug}), which the demonstration needs to
     * hold the releasing thread at the moment of the dm-builtin race.
     */
    static final String RELEASE_DEBUG = "devcd.release.debug";
    /** {@code -Ddevcd.launcher.debug=true} does what {@code --debug} does. */
    static final String DEBUG = "devcd.launcher.debug";
    /** The first line of the shell's output, printed once every bundle is active and the devcd commands are there. */
    static final String READY = "devcd on Apache Felix %s is ready: try devcd:list, sample:crash REASON,"
            + " devcd:read NAME, lb, uninstall ID, devcd:zombies, devcd:why ID; 'stop 0' exits";
    /** The commands the shell waits for before it starts. */
    static final List<String> SHELL_COMMANDS = List.of("devcd:list", "devcd:read", "sample:crash", "devcd:zombies");
    private static final long WAIT_MILLIS = 60_000;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit status: 0 success, 1 the demo failed or the framework did, 2 bad arguments */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean debug = rest.remove("--debug") | Boolean.getBoolean(DEBUG);
        boolean shell;
        if (rest.isEmpty() || (rest.size() == 1 && rest.get(0).equals("demo"))) {
            shell = false;
        } else if (rest.size() == 1 && rest.get(0).equals("shell")) {
            shell = true;
        } else if (rest.size() == 1 && (rest.get(0).equals("--help") || rest.get(0).equals("-h"))) {
            out.println(USAGE);
            return 0;
        } else {
            err.println("devcd: unknown argument" + (rest.size() == 1 ? " '" + rest.get(0) + "'" : "s " + rest)
                    + " (expected: demo, shell or --help)");
            return 2;
        }
        // Only the demonstration opts in, before the framework starts: the core reads the property once, when its
        // ReleaseDebug class is initialized, as the kernel's CONFIG_DEBUG_KOBJECT_RELEASE is fixed at build time. The
        // shell runs as production does.
        String releaseDebugBefore = shell ? null : System.setProperty(RELEASE_DEBUG, "true");
        try {
            Path storage = Storage.create();
            if (debug) {
                err.println("devcd: framework storage " + storage);
            }
            try (RunningFramework running = new RunningFramework(newFramework(storage), storage)) {
                return shell ? shell(running.framework(), out) : demo(running.framework());
            }
        } catch (Exception e) {
            Errors.report(e, debug, err);
            return 1;
        } finally {
            if (!shell) {
                restoreProperty(RELEASE_DEBUG, releaseDebugBefore);
            }
        }
    }

    private static void restoreProperty(String name, String before) {
        if (before == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, before);
        }
    }

    private static Framework newFramework(Path storage) {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        return factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
    }

    /** Installs the packed bundles of the mode and starts every one but the {@code shell:} ones. */
    private static List<Bundle> installAndStart(Framework framework, boolean shell) throws LaunchFailure {
        try {
            framework.init();
        } catch (BundleException e) {
            throw new LaunchFailure("could not initialize the embedded Felix framework", Errors.DEFAULT_HINT, e);
        }
        BundleContext context = framework.getBundleContext();
        EventAdminFirst.install(context);
        List<Bundle> installed = new ArrayList<>();
        for (String jar : bundles(shell)) {
            try (InputStream in = Main.class.getResourceAsStream("/bundles/" + jar)) {
                if (in == null) {
                    throw new LaunchFailure("bundles/" + jar + " is not packed in the launcher jar", "Rebuild it:"
                            + " mvn -B -ntp -pl launcher -am package -DskipTests.", null);
                }
                installed.add(context.installBundle("devcd:" + jar, in));
            } catch (BundleException | IOException e) {
                throw new LaunchFailure("could not install the packed bundle " + jar, "Rebuild the launcher jar:"
                        + " mvn -B -ntp -pl launcher -am package -DskipTests.", e);
            }
        }
        try {
            framework.start();
        } catch (BundleException e) {
            throw new LaunchFailure("could not start the embedded Felix framework", Errors.DEFAULT_HINT, e);
        }
        List<String> startLast = shellOnlyBundles();
        List<Bundle> deferred = new ArrayList<>();
        for (int i = 0; i < installed.size(); i++) {
            Bundle bundle = installed.get(i);
            if (startLast.contains(bundles(shell).get(i))) {
                deferred.add(bundle);
            } else {
                start(bundle);
            }
        }
        return deferred;
    }

    private static void start(Bundle bundle) throws LaunchFailure {
        if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new LaunchFailure("could not start the bundle " + bundle.getSymbolicName() + " "
                    + bundle.getVersion(), "Rebuild the launcher jar (mvn -B -ntp -pl launcher -am package"
                    + " -DskipTests), or run with --debug for the stack trace.", e);
        }
    }

    /**
     * Starts Gogo's shell last: after every other bundle is active and the devcd commands are registered, so that the
     * first line a user types (or pipes in) finds them.
     */
    private static int shell(Framework framework, PrintStream out) throws Exception {
        List<Bundle> shellBundles = installAndStart(framework, true);
        awaitCommands(framework.getBundleContext());
        out.println(String.format(READY, framework.getVersion()));
        out.flush();
        for (Bundle bundle : shellBundles) {
            start(bundle);
        }
        framework.waitForStop(0);
        return 0;
    }

    private static void awaitCommands(BundleContext context) throws Exception {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        for (String command : SHELL_COMMANDS) {
            String[] scopeAndName = command.split(":");
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(
                    "(&(osgi.command.scope=" + scopeAndName[0] + ")(osgi.command.function=" + scopeAndName[1] + "))"),
                    null);
            tracker.open(true); // all services: the command classes are not in the launcher's class space
            try {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (tracker.waitForService(left) == null) {
                    throw new LaunchFailure("the Gogo command " + command + " was not registered within "
                            + WAIT_MILLIS / 1000 + " s, so the shell was not started", "Run with --debug and check"
                            + " that the devcd core and the sample driver start (lb in a shell lists them).", null);
                }
            } finally {
                tracker.close();
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static int demo(Framework framework) throws Exception {
        installAndStart(framework, false);
        BundleContext context = framework.getBundleContext();
        ServiceTracker<Callable, Callable> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(
                "(&(" + Constants.OBJECTCLASS + "=" + Callable.class.getName() + ")(devcd.demo=true))"), null);
        tracker.open();
        try {
            Callable<Integer> demo = tracker.waitForService(WAIT_MILLIS);
            if (demo == null) {
                throw new LaunchFailure("the demo did not start within " + WAIT_MILLIS / 1000 + " s", "Run with"
                        + " --debug, or 'shell' and lb to see which bundle is not active.", null);
            }
            return demo.call();
        } finally {
            tracker.close();
        }
    }

    /** The packed bundles to install, in order; {@code shell:} entries only for the shell. */
    static List<String> bundles(boolean shell) {
        List<String> jars = new ArrayList<>();
        for (String entry : orderList()) {
            if (entry.startsWith("shell:")) {
                if (shell) {
                    jars.add(entry.substring("shell:".length()));
                }
            } else {
                jars.add(entry);
            }
        }
        return jars;
    }

    /** The {@code shell:} entries: installed only for the shell and started after every other bundle. */
    static List<String> shellOnlyBundles() {
        return orderList().stream().filter(e -> e.startsWith("shell:")).map(e -> e.substring("shell:".length()))
                .toList();
    }

    private static List<String> orderList() {
        List<String> entries = new ArrayList<>();
        try (BufferedReader list = new BufferedReader(new InputStreamReader(
                Main.class.getResourceAsStream("/bundles/order.list"), StandardCharsets.UTF_8))) {
            for (String line = list.readLine(); line != null; line = list.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
