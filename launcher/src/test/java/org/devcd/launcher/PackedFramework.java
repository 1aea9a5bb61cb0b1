package org.devcd.launcher;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Felix with the bundles packed in the launcher ({@link Main#bundles}, installed and started in that order,
 * as {@code Main} does) on a storage folder the test owns, so that a second framework can start from what the first
 * one left there: the installed bundles and their data areas. Unlike {@code Main}, nothing cleans the storage.
 *
 * <p>devcd's API classes live in the framework's class space (the test's class path has copies that are other
 * classes), so the tests reach services through {@link Remote}, by reflection.
 */
final class PackedFramework {
    private static final long WAIT_MILLIS = 30_000;

    private final Framework framework;

    private PackedFramework(Framework framework) {
        this.framework = framework;
    }

    /** Installs and starts the packed bundles on {@code storage}, which must be empty. */
    static PackedFramework install(Path storage) throws Exception {
        Framework framework = newFramework(storage);
        framework.init();
        BundleContext context = framework.getBundleContext();
        EventAdminFirst.install(context);
        if (context.getBundles().length != 1) {
            throw new IllegalStateException(storage + " already holds bundles: "
                    + Arrays.toString(context.getBundles()));
        }
        List<Bundle> installed = new ArrayList<>();
        for (String jar : Main.bundles(false)) {
            try (InputStream in = Main.class.getResourceAsStream("/bundles/" + jar)) {
                if (in == null) {
                    throw new IllegalStateException("bundles/" + jar + " is not packed in the launcher");
                }
                installed.add(context.installBundle("devcd:" + jar, in));
            }
        }
        framework.start();
        for (Bundle bundle : installed) {
            if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                bundle.start();
            }
        }
        return new PackedFramework(framework);
    }

    /** Starts a new framework from what {@code storage} holds: the bundles, started again as they were at the stop. */
    static PackedFramework restart(Path storage) throws Exception {
        Framework framework = newFramework(storage);
        framework.init();
        EventAdminFirst.install(framework.getBundleContext());
        framework.start();
        return new PackedFramework(framework);
    }

    private static Framework newFramework(Path storage) {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        return factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString()));
    }

    /**
     * Waits for a service registered under {@code type} and gets it for the system bundle (a service factory gives the
     * system bundle its own instance).
     *
     * @param type the fully qualified name of the service's interface or class
     * @throws AssertionError if none is registered within 30 s
     */
    Remote service(String type) throws Exception {
        BundleContext context = framework.getBundleContext();
        // All services, not only those of the system bundle's class space: the test's class path has its own copy of
        // devcd's API, so Felix would filter devcd's services out as not assignable to it.
        ServiceTracker<Object, ServiceReference<Object>> tracker = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(" + Constants.OBJECTCLASS + "=" + type + ")"), null) {
            @Override
            public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
                return reference; // only waits; the service is got below, once, and kept
            }

            @Override
            public void removedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            }
        };
        tracker.open(true);
        ServiceReference<Object> reference;
        try {
            reference = tracker.waitForService(WAIT_MILLIS);
        } finally {
            tracker.close();
        }
        if (reference == null) {
            throw new AssertionError("no " + type + " registered within " + WAIT_MILLIS + " ms");
        }
        return new Remote(context.getService(reference), reference.getBundle().loadClass(type));
    }

    /** The system bundle's context. */
    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Stops the framework and waits for it, failing if it does not stop within 30 s. */
    void stop() throws Exception {
        framework.stop();
        FrameworkEvent stopped = framework.waitForStop(WAIT_MILLIS);
        if (stopped.getType() != FrameworkEvent.STOPPED) {
            throw new AssertionError("the framework did not stop within " + WAIT_MILLIS + " ms: event type "
                    + stopped.getType(), stopped.getThrowable());
        }
    }

    /** A service of the framework, called through its own interface by reflection. */
    static final class Remote {
        private final Object service;
        private final Class<?> type;

        Remote(Object service, Class<?> type) {
            this.service = service;
            this.type = type;
        }

        /** Calls the method of the service's interface named {@code method} with as many parameters as {@code args}. */
        Object call(String method, Object... args) throws Exception {
            return invoke(service, type, method, args);
        }

        /** @return {@code value.accessor()}, for records the service returns (they are public API types) */
        static Object get(Object value, String accessor) throws Exception {
            return invoke(value, value.getClass(), accessor);
        }

        private static Object invoke(Object target, Class<?> type, String name, Object... args) throws Exception {
            Method method = Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                    .reduce((a, b) -> {
                        throw new IllegalArgumentException(type.getName() + " has more than one " + name + " with "
                                + args.length + " parameters");
                    })
                    .orElseThrow(() -> new IllegalArgumentException(type.getName() + " has no " + name + " with "
                            + args.length + " parameters"));
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
