package org.devcd.leakdoctor.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The manifest bnd generated (target/classes/META-INF/MANIFEST.MF, written before the test phase): Shark, Kotlin and
 * Okio are inside the bundle, nothing of them is exported or imported, and the bundle needs only the JDK.
 */
class LeakHeapManifestTest {
    private final Attributes manifest = readManifest();

    /** Exactly the API package is exported, versioned. */
    @Test
    void exportsOnlyTheApi() {
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("org.devcd.leakdoctor.heap");
        assertThat(manifest.getValue("Export-Package")).isEqualTo("org.devcd.leakdoctor.heap;version=\"1.0.0\"");
    }

    /** Every import is a JDK package: no kotlin, okio, shark, android or leakcanary. */
    @Test
    void importsOnlyTheJdk() {
        assertThat(packages("Import-Package")).allMatch(name -> name.startsWith("java.") || name.startsWith("javax."));
    }

    /** Shark and what it needs are private packages of the bundle. */
    @Test
    void carriesSharkKotlinAndOkio() {
        assertThat(packages("Private-Package")).contains("shark", "shark.internal", "kotlin", "kotlin.sequences", "okio");
    }

    /**
     * Shark's jars split the package shark between them: the bundle carries all four parts (the analyser, the graph,
     * the hprof reader, the log), not only the first jar's.
     */
    @Test
    void carriesEveryPartOfTheSplitSharkPackage() {
        assertThat(Path.of("target/classes/shark"))
                .isDirectoryContaining("glob:**/HeapAnalyzer.class")
                .isDirectoryContaining("glob:**/HprofHeapGraph.class")
                .isDirectoryContaining("glob:**/HprofHeader.class")
                .isDirectoryContaining("glob:**/SharkLog.class");
    }

    private List<String> packages(String header) {
        return Arrays.stream(manifest.getValue(header).split(",")).map(clause -> clause.split(";")[0]).toList();
    }

    private static Attributes readManifest() {
        Path path = Path.of("target/classes/META-INF/MANIFEST.MF");
        try (InputStream in = Files.newInputStream(path)) {
            return new Manifest(in).getMainAttributes();
        } catch (IOException e) {
            throw new AssertionError("bnd-process did not write " + path.toAbsolutePath(), e);
        }
    }
}
