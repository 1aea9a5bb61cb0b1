package org.devcd.leakdoctor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which announced collections count as full, collector by collector, as HotSpot 17 and 25 announce them (measured with
 * Serial, Parallel, G1 with and without -XX:+ExplicitGCInvokesConcurrent, ZGC, Shenandoah with and without
 * generations). The memory pools of each collector are as those JVMs report them.
 */
class GcEventTest {

    @ParameterizedTest(name = "{0} / {1} / {2} pools: full = {3}")
    @CsvSource({
        "MarkSweepCompact, end of major GC, 2, true",
        "Copy, end of minor GC, 2, false",
        "PS MarkSweep, end of major GC, 3, true",
        "PS Scavenge, end of minor GC, 2, false",
        "G1 Old Generation, end of major GC, 3, true",
        "G1 Young Generation, end of minor GC, 3, false",
        "G1 Concurrent GC, end of concurrent GC pause, 1, false",
        "ZGC Cycles, end of GC cycle, 1, true",
        "ZGC Pauses, end of GC pause, 1, false",
        "ZGC Major Cycles, end of GC cycle, 2, true",
        "ZGC Minor Cycles, end of GC cycle, 2, false",
        "ZGC Major Pauses, end of GC pause, 2, false",
        "Shenandoah Pauses, Final Mark, 1, false",
    })
    void fullCollections(String collector, String action, int pools, boolean full) {
        assertThat(new GcEvent(collector, action, "Concurrent GC", 1, pools).isFull()).isEqualTo(full);
    }

    /** Generational Shenandoah's cycles count only when System.gc() caused them: those are always global. */
    @ParameterizedTest(name = "Shenandoah Cycles / {0} / {1} pools: full = {2}")
    @CsvSource({"System.gc(), 2, true", "Concurrent GC, 2, false", "Concurrent GC, 1, true"})
    void shenandoahCycles(String cause, int pools, boolean full) {
        assertThat(new GcEvent("Shenandoah Cycles", "end of GC cycle", cause, 1, pools).isFull()).isEqualTo(full);
    }
}
