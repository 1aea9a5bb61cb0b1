package org.devcd.core.internal.osgi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.devcd.core.internal.coredump.RegistryConfig;

/**
 * Reads the configuration {@code org.devcd.coredump} as an admin typed it (Karaf's {@code .cfg} file, {@code config:*},
 * the Web Console): a value that is not a whole number is rejected with its key and value as typed
 * ({@code max.dump.bytes: 'ten' (expected: a whole number)}), never a bare NumberFormatException; ranges are then checked
 * in one place, {@link RegistryConfig#requireValid}.
 */
final class ConfigValues {
    private ConfigValues() {
    }

    /**
     * @throws IllegalArgumentException listing every unreadable or out-of-range value
     */
    static RegistryConfig read(Map<String, ?> properties) {
        RegistryConfig defaults = RegistryConfig.DEFAULTS;
        List<String> problems = new ArrayList<>();
        long timeoutSeconds = number(properties, "timeout.seconds", defaults.defaultTimeout().toSeconds(), problems);
        long maxDumpBytes = number(properties, "max.dump.bytes", defaults.maxDumpBytes(), problems);
        long maxDumps = number(properties, "max.dumps", defaults.maxDumps(), problems);
        long maxTotalBytes = number(properties, "max.total.bytes", defaults.maxTotalBytes(), problems);
        long drainMillis = number(properties, "drain.timeout.millis", defaults.drainTimeout().toMillis(), problems);
        if (maxDumps > Integer.MAX_VALUE || maxDumps < Integer.MIN_VALUE) {
            problems.add("max.dumps: " + maxDumps + " (expected: a whole number up to " + Integer.MAX_VALUE + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return RegistryConfig.requireValid(new RegistryConfig(Duration.ofSeconds(timeoutSeconds), maxDumpBytes,
                (int) maxDumps, maxTotalBytes, Duration.ofMillis(drainMillis)));
    }

    /** @return whether {@code disabled} is set to true (a Boolean, or the text "true" in any case) */
    static boolean disabled(Map<String, ?> properties) {
        Object value = properties.get("disabled");
        return value instanceof Boolean flag ? flag : value != null && Boolean.parseBoolean(value.toString().trim());
    }

    private static long number(Map<String, ?> properties, String key, long fallback, List<String> problems) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            problems.add(key + ": '" + value + "' (expected: a whole number)");
            return fallback;
        }
    }
}
