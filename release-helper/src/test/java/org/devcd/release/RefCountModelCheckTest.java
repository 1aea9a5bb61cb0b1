package org.devcd.release;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of {@link RefCount}: every interleaving of retain, tryRetain and release that the checker
 * explores is linearizable against the same operations run one at a time; so exactly one release wins, and nothing is
 * retained after zero.
 */
public class RefCountModelCheckTest {
    private final Completion released = new Completion();
    private final RefCount ref = new RefCount(ReleaseAction.complete(released));

    public RefCountModelCheckTest() {
        // Three references to share out, so the scenarios reach zero and step past it.
        ref.retain();
        ref.retain();
    }

    @Operation
    public String retain() {
        try {
            ref.retain();
            return "retained";
        } catch (IllegalReferenceCountException e) {
            return e.getMessage();
        }
    }

    @Operation
    public boolean tryRetain() {
        return ref.tryRetain();
    }

    @Operation
    public String release() {
        try {
            return ref.release() ? "released, signalled=" + released.isDone() : "dropped";
        } catch (IllegalReferenceCountException e) {
            return e.getMessage();
        }
    }

    @Operation
    public int refCnt() {
        return ref.refCnt();
    }

    /** Every explored interleaving of two threads is linearizable. */
    @Test
    void modelCheck() {
        new ModelCheckingOptions()
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .iterations(50)
                .invocationsPerIteration(500)
                .check(getClass());
    }
}
