package org.devcd.release;

import java.util.concurrent.atomic.AtomicInteger;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of {@link Gate}: in every explored interleaving a call is either refused or runs to its end
 * before the drain is seen, and the drain never observes a call inside. Calls inside count themselves in {@code inside};
 * the drain reports that count, which must be 0, as it is when the operations run one at a time.
 */
public class GateModelCheckTest {
    private final Gate gate = new Gate("model");
    private final AtomicInteger inside = new AtomicInteger();

    @Operation
    public String call() {
        try (Gate.Pass pass = gate.enter()) {
            inside.incrementAndGet();
            inside.decrementAndGet();
            return "ran";
        } catch (GateClosedException e) {
            return e.getMessage();
        }
    }

    @Operation
    public int closeAndWaitDrained() {
        gate.close();
        while (!gate.isDrained()) {
            Thread.onSpinWait();
        }
        return inside.get();
    }

    @Operation
    public boolean isClosed() {
        return gate.isClosed();
    }

    /** Every explored interleaving of two threads is linearizable. */
    @Test
    void modelCheck() {
        new ModelCheckingOptions()
                .threads(2)
                .actorsPerThread(3)
                .iterations(30)
                .invocationsPerIteration(300)
                .check(getClass());
    }
}
