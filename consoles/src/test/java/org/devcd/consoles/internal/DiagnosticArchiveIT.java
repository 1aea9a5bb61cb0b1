package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.karaf.diagnostic.core.Dump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Karaf's own archive code ({@code Dump.dump}, what {@code dev:dump-create} runs) with the diagnostic API exported as
 * Karaf exports it: the archive holds devcd's status and list, and each dump's content only once {@code
 * diagnostic.contents=true} is configured.
 */
class DiagnosticArchiveIT {
    private static final String PROVIDER = "(objectClass=org.apache.karaf.diagnostic.core.DumpProvider)";
    /** Only the dump's content holds this: the sample driver writes the crash reason into it. */
    private static final String SECRET = "reason-only-in-the-content-8c2e";

    @Test
    void contentsOnlyWhenConfigured(@TempDir Path folder) throws Exception {
        try (DevcdFelix felix = DevcdFelix.start(folder.resolve("storage"), DevcdFelix.Console.KARAF_DIAGNOSTICS)) {
            String dump = felix.crash(SECRET);
            felix.service("(&" + PROVIDER + "(diagnostic.contents=false))");

            Map<String, String> archive = archive(felix, folder.resolve("default.zip"));
            assertThat(archive.get("devcd/status.txt")).startsWith("coredumps: enabled\n")
                    .contains("since the core started: 1 registered");
            assertThat(archive.get("devcd/dumps.txt")).startsWith("NAME ").contains(dump).contains("sample0");
            assertThat(archive.keySet()).noneMatch(entry -> entry.startsWith("devcd/dumps/"));
            assertThat(archive.values()).noneMatch(text -> text.contains(SECRET));

            felix.configure("org.devcd.consoles", "diagnostic.contents", true);
            felix.service("(&" + PROVIDER + "(diagnostic.contents=true))");

            archive = archive(felix, folder.resolve("contents.zip"));
            assertThat(archive).containsKeys("devcd/status.txt", "devcd/dumps.txt");
            assertThat(archive.get("devcd/dumps/" + dump + ".bin"))
                    .isEqualTo(new String(felix.content(dump), StandardCharsets.UTF_8)).contains(SECRET);
            assertThat(archive.keySet()).filteredOn(entry -> entry.startsWith("devcd/dumps/")).hasSize(1);
        }
    }

    /** Writes the archive as {@code dev:dump-create --no-thread-dump --no-heap-dump} does; @return its entries */
    private static Map<String, String> archive(DevcdFelix felix, Path zip) throws Exception {
        Dump.dump(felix.context(), Dump.zip(zip.toFile()), true, true);
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                entries.put(entry.getName(), text(file, entry));
            }
        }
        return entries;
    }

    private static String text(ZipFile file, ZipEntry entry) throws IOException {
        return new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
}
