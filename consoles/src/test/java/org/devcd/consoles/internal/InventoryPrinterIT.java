package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;

/**
 * Under the real Felix Inventory 2.0.0, the printer is registered with its name, title and formats, the Inventory takes
 * it up, and it prints devcd's status and the dump a driver registered, in TEXT and in valid JSON, with none of the
 * dump's content.
 */
class InventoryPrinterIT {
    static final String PRINTER = "(felix.inventory.printer.name=devcd-coredumps)";
    /** Only the dump's content holds this: the sample driver writes the crash reason into it. */
    private static final String SECRET = "reason-only-in-the-content-3f9a";

    @Test
    void printsStatusAndListWithoutContent(@TempDir Path storage) throws Exception {
        try (DevcdFelix felix = DevcdFelix.start(storage, DevcdFelix.Console.INVENTORY)) {
            String dump = felix.crash(SECRET);
            assertThat(new String(felix.content(dump), "UTF-8")).contains(SECRET);

            Object printer = felix.service(PRINTER);
            ServiceReference<?> reference = felix.references(PRINTER).get(0);
            assertThat(reference.getProperty("felix.inventory.printer.title")).isEqualTo("Device coredumps");
            assertThat((String[]) reference.getProperty("felix.inventory.printer.format"))
                    .containsExactly("TEXT", "JSON");
            // The Inventory adapts each printer it takes up into a Web Console status page.
            assertThat(felix.references("(felix.webconsole.label=status-devcd-coredumps)")).hasSize(1);

            String text = print(felix, printer, "TEXT");
            assertThat(text).startsWith("coredumps: enabled\n").contains("since the core started: 1 registered")
                    .containsPattern(dump + " +org\\.devcd\\.driver\\.sample +0\\.1\\.0\\S* +sample0 ")
                    .doesNotContain(SECRET);

            String json = print(felix, printer, "JSON");
            JsonNode tree = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build()
                    .readTree(json);
            assertThat(tree.at("/status/disabled").asBoolean()).isFalse();
            assertThat(tree.at("/counts/registered").asLong()).isEqualTo(1);
            assertThat(tree.at("/dumps/0/name").asText()).isEqualTo(dump);
            assertThat(tree.at("/dumps/0/device").asText()).isEqualTo("sample0");
            assertThat(tree.at("/dumps/0/size").asLong()).isEqualTo(felix.content(dump).length);
            assertThat(json).doesNotContain(SECRET);
        }
    }

    /** Calls {@code print(PrintWriter, Format, boolean)} with the Inventory's own {@code Format} constant. */
    static String print(DevcdFelix felix, Object printer, String format) throws Exception {
        Object constant = felix.bundle(DevcdFelix.INVENTORY).loadClass("org.apache.felix.inventory.Format")
                .getField(format).get(null);
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            DevcdFelix.call(printer, "org.apache.felix.inventory.InventoryPrinter", "print", writer, constant, false);
        }
        return out.toString();
    }
}
