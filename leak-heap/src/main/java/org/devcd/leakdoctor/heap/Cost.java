package org.devcd.leakdoctor.heap;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What finding a chain cost: a heap dump is as large as the live heap and takes a stop of the whole JVM to write, so
 * callers (and benchmarks) need the figures to decide when to afford one.
 *
 * @param dumpBytes the size of the heap dump file, in bytes
 * @param dumpTime how long writing the dump took (the JVM's threads are stopped for most of it)
 * @param analysisTime how long reading the dump and finding the chain took
 */
@ProviderType
public record Cost(long dumpBytes, Duration dumpTime, Duration analysisTime) {

    /** Returns the figures in one line, e.g. {@code heap dump 31,457,280 bytes, written in 212 ms, analysed in 1,406 ms}. */
    public String render() {
        return String.format("heap dump %,d bytes, written in %,d ms, analysed in %,d ms", dumpBytes,
                dumpTime.toMillis(), analysisTime.toMillis());
    }
}
