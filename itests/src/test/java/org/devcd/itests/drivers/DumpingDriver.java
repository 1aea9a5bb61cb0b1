package org.devcd.itests.drivers;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DumpSource;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The activator of throwaway driver bundles that the itests build with TinyBundles: on start it registers one dump per
 * entry of its {@code Devcd-Dumps} header ({@code device:size,...}). If the framework has a {@link Semaphore} service
 * with {@code devcd.itest=read-gate}, every read first counts down the {@link CountDownLatch} service
 * {@code devcd.itest=read-entered} and then waits for a permit, so a test can hold a read inside driver code.
 */
public final class DumpingDriver implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        CoredumpService coredumps = context.getService(context.getServiceReference(CoredumpService.class));
        Semaphore gate = optional(context, Semaphore.class, "read-gate");
        CountDownLatch entered = optional(context, CountDownLatch.class, "read-entered");
        for (String entry : context.getBundle().getHeaders().get("Devcd-Dumps").split(",")) {
            String[] deviceAndSize = entry.split(":");
            coredumps.dumpm(deviceAndSize[0], new Source(Integer.parseInt(deviceAndSize[1]), gate, entered));
        }
    }

    @Override
    public void stop(BundleContext context) {
        // Nothing: the core deletes this bundle's dumps when the bundle releases the coredump service.
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

    /** A dump of {@code size} bytes, each the low byte of its offset. */
    public static final class Source implements DumpSource {
        private final int size;
        private final Semaphore gate;
        private final CountDownLatch entered;

        Source(int size, Semaphore gate, CountDownLatch entered) {
            this.size = size;
            this.gate = gate;
            this.entered = entered;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(long offset, ByteBuffer dst) {
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
            // The data is computed; nothing to release.
        }
    }
}
