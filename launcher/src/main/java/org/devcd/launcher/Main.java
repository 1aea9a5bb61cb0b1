package org.devcd.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts an embedded Apache Felix with the bundles packed in this jar (SCR, Config Admin, Event Admin, Gogo,
 * the devcd core, the sample and the naive driver, the demo) and runs the demonstration, or a Gogo shell. Framework
 * storage goes to a temporary folder that is removed at exit; nothing is fetched from anywhere.
 */
public final class Main {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar devcd-launcher.jar [demo | shell | --help]",
            "  demo    (the default) play a coredump's life, then the dm-builtin race with the naive driver and with",
            "          devcd's, on an embedded Felix; exit status 0 when devcd behaved and the naive driver failed as",
            "          dm-builtin.c predicts, 1 otherwise",
            "  shell   the same framework with the Gogo shell: try devcd:list, sample:crash REASON, devcd:read NAME,",
            "          lb, uninstall ID; 'stop 0' exits",
            "  --help  this text");
    /**
     * The opt-in of release debugging ({@code org.devcd.release.debug.ReleaseDebug}), which the demonstration needs to
     * hold the releasing thread at the moment of the dm-builtin race.
     */
    static final String RELEASE_DEBUG = "devcd.release.debug";
    private static final long WAIT_MILLIS = 60_000;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit status: 0 success, 1 the demo failed or the framework did, 2 bad arguments */
    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean shell;
        if (args.length == 0 || (args.length == 1 && args[0].equals("demo"))) {
            shell = false;
        } else if (args.length == 1 && args[0].equals("shell")) {
            shell = true;
        } else if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        } else {
            err.println("devcd: unknown argument" + (args.length == 1 ? " '" + args[0] + "'" : "s " + List.of(args))
                    + " (expected: demo, shell or --help)");
            return 2;
        }
        // Only the demonstration opts in, before the framework starts: the core reads the property once, when its
        // ReleaseDebug class is initialized, as the kernel's CONFIG_DEBUG_KOBJECT_RELEASE is fixed at build time. The
        // shell runs as production does.
        String releaseDebugBefore = shell ? null : System.setProperty(RELEASE_DEBUG, "true");
        Path storage = null;
        try {
            storage = Files.createTempDirectory("devcd-felix-");
            return launch(shell, storage, out);
        } catch (Exception e) {
            err.println("devcd: " + e);
            return 1;
        } finally {
            deleteRecursively(storage);
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

    private static int launch(boolean shell, Path storage, PrintStream out) throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.init();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (String jar : bundles(shell)) {
                try (InputStream in = Main.class.getResourceAsStream("/bundles/" + jar)) {
                    if (in == null) {
                        throw new IllegalStateException("bundles/" + jar + " is not packed in the launcher");
                    }
                    installed.add(context.installBundle("devcd:" + jar, in));
                }
            }
            if (shell) {
                out.println("devcd on Apache Felix " + framework.getVersion() + ": try devcd:list, sample:crash REASON,"
                        + " devcd:read NAME, lb, uninstall ID; 'stop 0' exits");
            }
            framework.start();
            for (Bundle bundle : installed) {
                if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                    bundle.start();
                }
            }
            if (shell) {
                framework.waitForStop(0);
                return 0;
            }
            return runDemo(context);
        } finally {
            framework.stop();
            framework.waitForStop(WAIT_MILLIS);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static int runDemo(BundleContext context) throws Exception {
        ServiceTracker<Callable, Callable> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(
                "(&(" + Constants.OBJECTCLASS + "=" + Callable.class.getName() + ")(devcd.demo=true))"), null);
        tracker.open();
        try {
            Callable<Integer> demo = tracker.waitForService(WAIT_MILLIS);
            if (demo == null) {
                throw new IllegalStateException("the demo service did not start within " + WAIT_MILLIS + " ms");
            }
            return demo.call();
        } finally {
            tracker.close();
        }
    }

    /** The packed bundles to install, in order; {@code shell:} entries only for the shell. */
    static List<String> bundles(boolean shell) {
        List<String> jars = new ArrayList<>();
        try (BufferedReader list = new BufferedReader(new InputStreamReader(
                Main.class.getResourceAsStream("/bundles/order.list"), StandardCharsets.UTF_8))) {
            for (String line = list.readLine(); line != null; line = list.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("shell:")) {
                    if (shell) {
                        jars.add(entry.substring("shell:".length()));
                    }
                } else {
                    jars.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    private static void deleteRecursively(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("devcd: could not remove " + root + ": " + e);
        }
    }
}
