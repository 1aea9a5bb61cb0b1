package org.devcd.leakdoctor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM's live platform threads and how a culprit names one. Threads are listed through the root thread group, not
 * {@code Thread.getAllStackTraces()}, so that only the threads found to hold the loader pay for a stack walk.
 */
final class LiveThreads {
    /** How many frames a thread culprit shows. */
    static final int FRAMES = 5;

    private LiveThreads() {
    }

    /** Every live platform thread at the moment of the call (a thread may end right after). */
    static List<Thread> all() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count;
        while ((count = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return new ArrayList<>(Arrays.asList(threads).subList(0, count));
    }

    /** {@code "name" (STATE, daemon)}, e.g. {@code "leaky-worker" (WAITING, daemon)}. */
    static String label(Thread thread) {
        return "\"" + thread.getName() + "\" (" + thread.getState() + (thread.isDaemon() ? ", daemon)" : ")");
    }

    /**
     * Up to {@link #FRAMES} frames of the thread as {@code at ...} lines, from the topmost frame of code outside the
     * JDK's own modules (where the thread's own code runs or waits: the JDK frames above it only say how it waits),
     * or from the top where every frame is the JDK's; none for a thread not running.
     */
    static List<String> topFrames(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        int first = 0;
        while (first < stack.length && isJdk(stack[first])) {
            first++;
        }
        if (first == stack.length) {
            first = 0;
        }
        List<String> frames = new ArrayList<>(FRAMES);
        for (int i = first; i < Math.min(first + FRAMES, stack.length); i++) {
            frames.add("at " + stack[i]);
        }
        return frames;
    }

    private static boolean isJdk(StackTraceElement frame) {
        String module = frame.getModuleName();
        return module != null && (module.startsWith("java.") || module.startsWith("jdk."));
    }
}
