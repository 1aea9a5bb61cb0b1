package org.devcd.leakdoctor.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.util.concurrent.CountDownLatch;

import org.devcd.leakdoctor.heap.Link.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A class loader held by a live thread: the chain starts at the thread, named by its name. */
class ThreadLeakTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread thread;

    @AfterEach
    void stopThread() throws InterruptedException {
        release.countDown();
        if (thread != null) {
            thread.join();
        }
    }

    /** A thread whose context class loader is the loader: the path is that field. */
    @Test
    void namesTheThreadWhoseContextClassLoaderItIs() throws Exception {
        WeakReference<ClassLoader> loader = startThreadWithContextLoader("context", "leaky-context");

        ReferenceChain chain = HeapPaths.shortestPathTo(loader, Throwaway.dumpFile("context-loader")).orElseThrow();

        assertThat(chain.root()).isEqualTo(new Root(Root.Kind.THREAD, "thread \"leaky-context\" (thread object)"));
        assertThat(chain.links()).containsExactly(new Link(Kind.FIELD, "java.lang.Thread.contextClassLoader"));
        assertThat(chain.target()).isEqualTo("class loader 'context' (java.net.URLClassLoader)");
    }

    /** A thread of a class of the loader (a bundle's worker nobody stopped): the path is the thread's class. */
    @Test
    void namesTheThreadStartedFromTheLoadersClass() throws Exception {
        WeakReference<ClassLoader> loader = startWorkerOf("worker", "leaky-worker");

        ReferenceChain chain = HeapPaths.shortestPathTo(loader, Throwaway.dumpFile("worker-thread")).orElseThrow();

        assertThat(chain.root()).isEqualTo(new Root(Root.Kind.THREAD, "thread \"leaky-worker\" (thread object)"));
        assertThat(chain.links()).containsExactly(
                new Link(Kind.CLASS, "throwaway.Worker.class  (of class loader 'worker' (java.net.URLClassLoader))"),
                new Link(Kind.CLASS_LOADER, "class loader 'worker' (java.net.URLClassLoader)"));
    }

    private WeakReference<ClassLoader> startThreadWithContextLoader(String loaderName, String threadName)
            throws InterruptedException {
        URLClassLoader loader = Throwaway.loader(loaderName);
        CountDownLatch started = new CountDownLatch(1);
        thread = new Thread(() -> {
            started.countDown();
            awaitRelease();
        }, threadName);
        thread.setContextClassLoader(loader);
        thread.start();
        started.await();
        return Throwaway.weakly(loader);
    }

    private WeakReference<ClassLoader> startWorkerOf(String loaderName, String threadName) {
        URLClassLoader loader = Throwaway.loader(loaderName);
        thread = (Thread) Throwaway.instance(loader, Throwaway.WORKER, threadName, release);
        thread.start();
        return Throwaway.weakly(loader);
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
