package org.devcd.release;

/** The built-in release action: signal a {@link Completion} and return. Nothing else runs on the releasing thread. */
final class CompleteAction implements ReleaseAction {
    private final Completion completion;
    private final boolean all;

    CompleteAction(Completion completion, boolean all) {
        this.completion = completion;
        this.all = all;
    }

    @Override
    public void release() {
        if (all) {
            completion.completeAll();
        } else {
            completion.complete();
        }
    }

    @Override
    public String toString() {
        return (all ? "completeAll(" : "complete(") + completion + ")";
    }
}
