package org.devcd.karaf;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;

/**
 * Waits until the HTTP service serves a servlet under a path: Pax Web's {@link HttpServiceRuntime} lists every servlet
 * it serves, and raises its {@code service.changecount} at each registration, so a service listener sees every change
 * and nothing polls. A class of its own: the probe wires the HTTP runtime API only once the {@code http} feature is
 * installed, and JUnit must not meet these types while it reads the test class.
 */
final class ConsoleServed {
    private ConsoleServed() {
    }

    /** Returns once a servlet pattern starting with {@code root} is served; fails after {@link KarafSetup#SETTLE_BOUND}. */
    static void await(BundleContext context, String root) throws Exception {
        CountDownLatch served = new CountDownLatch(1);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        String filter = "(objectClass=" + HttpServiceRuntime.class.getName() + ")";
        ServiceListener listener = event -> look(context, event.getServiceReference(), root, served, seen);
        context.addServiceListener(listener, filter);
        try {
            ServiceReference<?>[] runtimes = context.getServiceReferences((String) null, filter);
            for (ServiceReference<?> runtime : runtimes == null ? new ServiceReference<?>[0] : runtimes) {
                look(context, runtime, root, served, seen);
            }
            if (!served.await(KarafSetup.SETTLE_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no servlet under " + root + " within " + KarafSetup.SETTLE_BOUND
                        + "; served: " + seen);
            }
        } finally {
            context.removeServiceListener(listener);
        }
    }

    private static void look(BundleContext context, ServiceReference<?> reference, String root, CountDownLatch served,
            Set<String> seen) {
        Object service = context.getService(reference);
        if (!(service instanceof HttpServiceRuntime runtime)) {
            return; // gone meanwhile
        }
        try {
            for (ServletContextDTO servletContext : runtime.getRuntimeDTO().servletContextDTOs) {
                for (ServletDTO servlet : servletContext.servletDTOs) {
                    seen.addAll(List.of(servlet.patterns));
                    if (List.of(servlet.patterns).stream().anyMatch(pattern -> pattern.startsWith(root))) {
                        served.countDown();
                    }
                }
            }
        } finally {
            context.ungetService(reference);
        }
    }
}
