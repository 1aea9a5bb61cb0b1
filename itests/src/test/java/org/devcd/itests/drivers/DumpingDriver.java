package org.devcd.itests.drivers;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DumpSource;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The activator of throwaway driver bundles that the itests build with TinyBundles: on start it registers one dump per
 * entry of its {@code Devcd-Dumps} header ({@code device:size,...}). If the framework has a {@link Semaphore} service
 * with {@code devcd.itest=read-gate}, every read first counts down the {@link CountDownLatch} service
 * {@code devcd.itest=read-entered} and then waits for a permit, so a test can hold a read inside driver code. If there is
 * a {@code Set} service {@code devcd.itest=stopped-bundles}, a call into a source of a bundle in that set (a test adds a
 * bundle once its stop returned) is counted in the {@link AtomicLong} service {@code devcd.itest=late-calls}.
 */
public final class DumpingDriver implements BundleActivator {

    private CoredumpService coredumps;
    private String[] devices = new String[0];

    @Override
    public void start(BundleContext context) {
        coredumps = context.getService(context.getServiceReference(CoredumpService.class));
        Semaphore gate = optional(context, Semaphore.class, "read-gate");
        CountDownLatch entered = optional(context, CountDownLatch.class, "read-entered");
        @SuppressWarnings("unchecked")
        Set<Long> stopped = optional(context, Set.class, "stopped-bundles");
        AtomicLong lateCalls = optional(context, AtomicLong.class, "late-calls");
        LateCallCheck check = new LateCallCheck(context.getBundle().getBundleId(), stopped, lateCalls);
        String timeout = context.getBundle().getHeaders().get("Devcd-Timeout-Millis");
        String[] entries = context.getBundle().getHeaders().get("Devcd-Dumps").split(",");
        devices = new String[entries.length];
        for (int i = 0; i < entries.length; i++) {
            String[] deviceAndSize = entries[i].split(":");
            devices[i] = deviceAndSize[0];
            Source source = new Source(Integer.parseInt(deviceAndSize[1]), gate, entered, check);
            if (timeout == null) {
                coredumps.dumpm(devices[i], source);
            } else {
                coredumps.dumpm(devices[i], source, Duration.ofMillis(Long.parseLong(timeout)));
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // With Devcd-Put-On-Stop, delete the dumps ourselves (dev_coredump_put in module exit); otherwise the core deletes
        // them when this bundle releases the coredump service.
        if ("true".equals(context.getBundle().getHeaders().get("Devcd-Put-On-Stop"))) {
            for (String device : devices) {
                coredumps.put(device);
            }
        }
    }

    private static <T> T optional(BundleContext context, Class<T> type, String role) {
        try {
            for (ServiceReference<T> reference : context.getServiceReferences(type, "(devcd.itest=" + role + ")")) {
                return context.getService(reference);
            }
            return null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts calls that arrive after the test saw this bundle's stop return. */
    public record LateCallCheck(long bundleId, Set<Long> stopped, AtomicLong lateCalls) {
        void onCall() {
            if (stopped != null && stopped.contains(bundleId)) {
                lateCalls.incrementAndGet();
            }
        }
    }

    /** A dump of {@code size} bytes, each the low byte of its offset. */
    public static final class Source implements DumpSource {
        private final int size;
        private final Semaphore gate;
        private final CountDownLatch entered;
        private final LateCallCheck check;

        Source(int size, Semaphore gate, CountDownLatch entered, LateCallCheck check) {
            this.size = size;
            this.gate = gate;
            this.entered = entered;
            this.check = check;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(long offset, ByteBuffer dst) {
            check.onCall();
            if (gate != null) {
                entered.countDown();
                gate.acquireUninterruptibly();
            }
            int count = (int) Math.min(dst.remaining(), size - offset);
            for (int i = 0; i < count; i++) {
                dst.put((byte) (offset + i));
            }
            return count;
        }

        @Override
        public void free() {
            check.onCall(); // the data is computed; nothing else to release
        }
    }
}
