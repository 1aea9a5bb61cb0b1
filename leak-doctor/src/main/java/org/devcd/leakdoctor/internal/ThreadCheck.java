package org.devcd.leakdoctor.internal;

import java.util.List;

import org.devcd.leakdoctor.Culprit.Kind;

/**
 * {@link Kind#THREAD}: live threads that hold the loader by their class, their {@code Runnable} or their context class
 * loader (see {@link ThreadTies}), named with state, daemon flag, how they hold it and their top frames. Without
 * {@code --add-opens java.base/java.lang} the {@code Runnable}s are not seen, and one not-inspected line says so.
 */
public final class ThreadCheck implements Check {

    @Override
    public String subject() {
        return "threads' Runnable targets";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) {
        ThreadTies ties;
        try {
            ties = ThreadTies.withTargets();
        } catch (ClosedInternalException e) {
            findings.notInspected(subject(), e);
            ties = ThreadTies.withoutTargets();
        }
        for (Thread thread : LiveThreads.all()) {
            List<String> how = ties.of(thread, ownership);
            if (!how.isEmpty()) {
                findings.add(Kind.THREAD, "thread " + LiveThreads.label(thread) + " " + String.join(" and ", how),
                        LiveThreads.topFrames(thread));
            }
        }
    }
}
