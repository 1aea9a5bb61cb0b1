package org.devcd.leakdoctor.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ways a thread, running or a registered shutdown hook, holds a loader: its own class belongs, the
 * {@code Runnable} it was given belongs, or its context class loader belongs. The {@code Runnable} is private to
 * {@code Thread} ({@code Thread.target} on JDK 17, {@code Thread.holder.task} from JDK 19): reading it needs
 * {@code --add-opens java.base/java.lang}, and without it the other two ties are still seen.
 */
final class ThreadTies {
    /** Reads a thread's {@code Runnable}, or null. */
    private interface TargetReader {
        Object target(Thread thread);
    }

    private final TargetReader targets;

    private ThreadTies(TargetReader targets) {
        this.targets = targets;
    }

    /** Ties by class, target and context class loader. */
    static ThreadTies withTargets() throws ClosedInternalException {
        if (Internals.declares(Thread.class, "target")) {
            Field target = Internals.open(Thread.class, "target");
            return new ThreadTies(thread -> Internals.read(target, thread));
        }
        Field holder = Internals.open(Thread.class, "holder");
        Field task = Internals.open(holder.getType(), "task");
        return new ThreadTies(thread -> {
            Object fields = Internals.read(holder, thread);
            return fields == null ? null : Internals.read(task, fields);
        });
    }

    /** Ties by class and context class loader only, where the {@code Runnable} is out of reach. */
    static ThreadTies withoutTargets() {
        return new ThreadTies(thread -> null);
    }

    /**
     * How {@code thread} holds the loader, as predicates of one sentence ({@code runs org.acme.Worker of the bundle});
     * empty when it does not.
     */
    List<String> of(Thread thread, Ownership ownership) {
        List<String> ties = new ArrayList<>(3);
        if (ownership.defines(thread.getClass())) {
            ties.add("is a " + ownership.name(thread));
        }
        Object target = targets.target(thread);
        if (ownership.owns(target)) {
            ties.add("runs " + ownership.name(target));
        }
        ClassLoader context = thread.getContextClassLoader();
        if (ownership.owns(context)) {
            ties.add("has " + ownership.name(context) + " as its context class loader");
        }
        return ties;
    }
}
