package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON form the Inventory shows and puts in its ZIP: valid JSON (a strict parser reads it) with the API's names. */
class JsonReportTest {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** The status, the counts and each dump's fields, named as the API records name them. */
    @Test
    void membersNamedAsTheApi() throws IOException {
        JsonNode json = parse(JsonReport.of(Reports.of(Reports.DISK, Reports.CONTROLLER)));

        assertThat(json.get("status").toString()).isEqualTo("{\"disabled\":false,\"dumps\":2,\"bytes\":1093,"
                + "\"registered\":7,\"defaultTimeout\":\"PT5M\",\"maxDumpBytes\":67108864,\"maxDumps\":1000,"
                + "\"maxTotalBytes\":268435456,\"drainTimeout\":\"PT5S\"}");
        assertThat(json.get("counts").toString()).isEqualTo("{\"registered\":7,\"discarded\":3,\"removed\":5}");
        assertThat(json.get("dumps")).hasSize(2);
        assertThat(json.get("dumps").get(0).toString()).isEqualTo("{\"name\":\"devcd6\","
                + "\"bundleSymbolicName\":\"org.example.disk\",\"bundleVersion\":\"1.2.0\",\"device\":\"sda\","
                + "\"size\":93,\"created\":\"2026-11-30T08:18:22.559Z\",\"deadline\":\"2026-11-30T08:23:22.559Z\"}");
        assertThat(json.get("dumps").get(1).get("name").asText()).isEqualTo("devcd7");
    }

    /** No dumps: an empty array, still valid. */
    @Test
    void noDumps() throws IOException {
        JsonNode json = parse(JsonReport.of(Reports.of()));

        assertThat(json.get("dumps").isArray()).isTrue();
        assertThat(json.get("dumps")).isEmpty();
    }

    /**
     * A driver may name its device with any printable characters: quotes, backslashes, a JSON fragment, a line
     * separator, an unpaired surrogate; each reads back as it was, and the output stays plain text.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "c:\\dev\\sda", "\"},{\"name\":\"x", "sep\u2028ara\u2029tor", "del\u007f\u0085",
        "lone\ud800", "pair\ud83d\udca5", "</script>"})
    void deviceNamesReadBackExactly(String device) throws IOException {
        String text = JsonReport.of(Reports.of(Reports.device(device)));

        assertThat(parse(text).get("dumps").get(0).get("device").asText()).isEqualTo(device);
        assertThat(text.chars()).allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n');
    }

    private static JsonNode parse(String text) throws IOException {
        return STRICT.readTree(text);
    }
}
