package org.devcd.leakdoctor.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.devcd.leakdoctor.Culprit;
import org.devcd.leakdoctor.Culprit.Kind;

/**
 * The culprits one inspection found, in the order the checks found them, plus at most one {@link Kind#NOT_INSPECTED}
 * line for each part of a check that could not run. Confined to the inspecting thread.
 */
public final class Findings {
    private final List<Culprit> culprits = new ArrayList<>();
    private final Set<String> uninspected = new HashSet<>();

    void add(Kind kind, String description, List<String> details) {
        culprits.add(new Culprit(kind, description, details));
    }

    void add(Kind kind, String description) {
        add(kind, description, List.of());
    }

    /** {@code subject} (plural words, e.g. "thread-local values") could not be read: say why, once. */
    public void notInspected(String subject, ClosedInternalException why) {
        skipped(subject, why.getMessage());
    }

    /** Reading {@code subject} failed in a way no check foresaw: say so in one line, without a stack trace. */
    public void failed(String subject, Throwable failure) {
        skipped(subject, "the check failed with " + failure);
    }

    private void skipped(String subject, String why) {
        if (uninspected.add(subject)) {
            add(Kind.NOT_INSPECTED, subject + " not inspected: " + why + " (a heap dump still finds them)");
        }
    }

    /** What was found, as an unmodifiable list. */
    public List<Culprit> culprits() {
        return List.copyOf(culprits);
    }
}
