package org.devcd.leakdoctor.internal;

import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.Set;

import org.devcd.leakdoctor.Culprit.Kind;

/**
 * {@link Kind#TIMER}: {@code java.util.Timer} threads whose task queue holds tasks of the loader's classes (a cancelled
 * task stays queued until it is purged, and pins the loader all the same). The queue is private to {@code java.util}:
 * needs {@code --add-opens java.base/java.util}. It is copied under its own monitor, as {@code Timer} does; the timer
 * thread never runs a task while holding it. A timer thread that holds the loader in other ways is a
 * {@link Kind#THREAD} culprit too.
 */
public final class TimerCheck implements Check {

    @Override
    public String subject() {
        return "timer tasks";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) throws ClosedInternalException {
        Class<?> timerThread = Internals.jdkClass("java.util.TimerThread");
        Field queueOf = Internals.open(timerThread, "queue");
        Field tasksOf = Internals.open(queueOf.getType(), "queue");
        for (Thread thread : LiveThreads.all()) {
            if (thread.getClass() != timerThread) {
                continue;
            }
            Object queue = Internals.read(queueOf, thread);
            int count = 0;
            Set<String> classes = new LinkedHashSet<>();
            synchronized (queue) {
                for (Object task : (Object[]) Internals.read(tasksOf, queue)) {
                    if (ownership.owns(task)) {
                        count++;
                        classes.add(task.getClass().getName());
                    }
                }
            }
            if (count > 0) {
                findings.add(Kind.TIMER, "timer thread " + LiveThreads.label(thread) + " holds "
                        + (count == 1 ? "task " : count + " tasks ") + String.join(", ", classes) + " of the bundle");
            }
        }
    }
}
