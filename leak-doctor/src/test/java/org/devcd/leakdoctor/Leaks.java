package org.devcd.leakdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * What the leak tests share: a thread whose context class loader is the bundle's, and the check that a loader was
 * collected.
 */
final class Leaks {
    private Leaks() {
    }

    /**
     * A running daemon thread named {@code name} whose context class loader is {@code loader}: started and waiting when
     * this returns, released and ended when it is closed.
     */
    static AutoCloseableThread threadWithContext(String name, ClassLoader loader) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        started.await();
        return () -> {
            release.countDown();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while ending " + name, e);
            }
        };
    }

    /** A thread to end with try-with-resources. */
    interface AutoCloseableThread extends AutoCloseable {
        /** Releases the thread and waits until it ended. */
        @Override
        void close();
    }

    /**
     * The loader is collected within 30 s, witnessed by {@link GcWitness}; otherwise fails with the verdict and what
     * {@link Attribution} says holds it.
     */
    static void assertCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
        GcVerdict verdict = GcWitness.await(loader, GcWitness.DEFAULT_COLLECTIONS, Duration.ofSeconds(30));
        assertThat(verdict.collected()).as(() -> "the loader, once its leak is undone: " + verdict + "; culprits: "
                + holders(loader)).isTrue();
    }

    private static String holders(WeakReference<ClassLoader> loader) {
        ClassLoader held = loader.get();
        return held == null ? "none, it was collected meanwhile" : Attribution.of(held).toString();
    }
}
