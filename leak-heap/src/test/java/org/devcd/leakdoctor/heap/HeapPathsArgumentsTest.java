package org.devcd.leakdoctor.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Bad arguments are refused before anything is dumped, with messages that say what was expected. */
class HeapPathsArgumentsTest {
    private final Object referent = new Object();
    private final WeakReference<Object> target = new WeakReference<>(referent);

    /** HotSpot writes heap dumps only to .hprof files. */
    @Test
    void refusesADumpFileNotEndingInHprof() {
        Path dumpFile = Path.of("target", "heap-dumps", "dump.bin");

        assertThatThrownBy(() -> HeapPaths.shortestPathTo(target, dumpFile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dumpFile: " + dumpFile + " (expected: a name ending in .hprof)");
    }

    /** An existing file is neither overwritten nor deleted. */
    @Test
    void refusesAnExistingDumpFile() throws Exception {
        Path dumpFile = Throwaway.dumpFile("existing");
        Files.writeString(dumpFile, "someone else's");

        assertThatThrownBy(() -> HeapPaths.shortestPathTo(target, dumpFile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dumpFile: " + dumpFile + " (expected: no file there yet)");
        assertThat(dumpFile).hasContent("someone else's");
        Files.delete(dumpFile);
    }

    /** Neither argument may be null. */
    @Test
    void refusesNulls() {
        assertThatThrownBy(() -> HeapPaths.shortestPathTo(null, Path.of("x.hprof")))
                .isInstanceOf(NullPointerException.class).hasMessage("target");
        assertThatThrownBy(() -> HeapPaths.shortestPathTo(target, null))
                .isInstanceOf(NullPointerException.class).hasMessage("dumpFile");
    }
}
