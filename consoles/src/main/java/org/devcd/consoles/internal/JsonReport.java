package org.devcd.consoles.internal;

import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;

/**
 * The JSON form of a {@link CoredumpReport}, the Inventory's JSON format: one object with {@code status}, {@code
 * counts} and {@code dumps}, whose members are named as the components of the API records {@link CoredumpStatus},
 * {@link CoredumpCounts} and {@link DumpInfo}. Durations and instants are ISO-8601 strings.
 *
 * <p>Written by hand (the Inventory API offers no JSON writer). Strings are escaped so that the output is valid JSON
 * whatever a driver named its device: quotes, backslashes, control characters, surrogates and the line and paragraph
 * separators become escapes, so the output is plain ASCII plus the non-surrogate characters above U+009F.
 */
final class JsonReport {

    private JsonReport() {
    }

    /** @return the report as one JSON object, indented, ending with a line break */
    static String of(CoredumpReport report) {
        CoredumpStatus s = report.status();
        CoredumpCounts c = report.counts();
        StringBuilder json = new StringBuilder("{\n  \"status\": ");
        object(json, "disabled", s.disabled(), "dumps", s.dumps(), "bytes", s.bytes(), "registered", s.registered(),
                "defaultTimeout", s.defaultTimeout(), "maxDumpBytes", s.maxDumpBytes(), "maxDumps", s.maxDumps(),
                "maxTotalBytes", s.maxTotalBytes(), "drainTimeout", s.drainTimeout());
        json.append(",\n  \"counts\": ");
        object(json, "registered", c.registered(), "discarded", c.discarded(), "removed", c.removed());
        json.append(",\n  \"dumps\": [");
        String separator = "\n    ";
        for (DumpInfo d : report.dumps()) {
            json.append(separator);
            object(json, "name", d.name(), "bundleSymbolicName", d.bundleSymbolicName(), "bundleVersion",
                    d.bundleVersion(), "device", d.device(), "size", d.size(), "created", d.created(), "deadline",
                    d.deadline());
            separator = ",\n    ";
        }
        return json.append(report.dumps().isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /**
     * Appends an object on one line. Booleans and numbers are written as they are, anything else as the string of its
     * {@code toString()}.
     */
    private static void object(StringBuilder json, Object... namesAndValues) {
        json.append('{');
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                json.append(", ");
            }
            string(json, (String) namesAndValues[i]);
            json.append(": ");
            Object value = namesAndValues[i + 1];
            if (value instanceof Boolean || value instanceof Number) {
                json.append(value);
            } else {
                string(json, value.toString());
            }
        }
        json.append('}');
    }

    /** Appends {@code text} as a JSON string (RFC 8259, section 7). */
    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (Character.isISOControl(ch) || Character.isSurrogate(ch) || ch == '\u2028' || ch == '\u2029') {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        json.append('"');
    }
}
