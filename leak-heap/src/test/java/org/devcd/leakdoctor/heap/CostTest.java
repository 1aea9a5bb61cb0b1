package org.devcd.leakdoctor.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cost a chain reports is the dump it was found in, and the dump stays when asked. Prints the chain and the figures
 * for this test JVM's heap (in target/surefire-reports/*-output.txt).
 */
class CostTest {
    private static final List<Object> HELD = new ArrayList<>();

    @AfterEach
    void forget() {
        HELD.clear();
    }

    /** With keepDumpFile the dump stays, and the cost names its size and both times. */
    @Test
    void reportsTheCostOfTheDumpItWasFoundIn() throws Exception {
        WeakReference<ClassLoader> loader = leak("costly");
        Path dumpFile = Throwaway.dumpFile("kept");

        ReferenceChain chain = HeapPaths.shortestPathTo(loader, dumpFile, true).orElseThrow();

        try {
            System.out.printf("heap in use %,d bytes (max %,d)%n%s%n", usedHeap(), Runtime.getRuntime().maxMemory(),
                    chain.render());
            assertThat(chain.cost().dumpBytes()).isEqualTo(Files.size(dumpFile));
            assertThat(chain.cost().dumpTime()).isPositive();
            assertThat(chain.cost().analysisTime()).isPositive();
            assertThat(chain.render()).endsWith("  (" + chain.cost().render() + ")");
        } finally {
            Files.deleteIfExists(dumpFile);
        }
    }

    private static WeakReference<ClassLoader> leak(String loaderName) {
        URLClassLoader loader = Throwaway.loader(loaderName);
        HELD.add(Throwaway.instance(loader, Throwaway.PAYLOAD));
        return Throwaway.weakly(loader);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
