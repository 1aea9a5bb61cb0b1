package org.devcd.core.internal.coredump;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's settings. {@link #problems()} lists what is wrong with a candidate, one exact sentence each.
 *
 * @param defaultTimeout how long a dump stays unless its driver gave a timeout ({@code DEVCD_TIMEOUT}, 5 minutes)
 * @param maxDumpBytes the largest dump accepted
 * @param maxDumps the most dumps held at once
 * @param maxTotalBytes the most bytes held at once
 * @param drainTimeout the longest a deletion waits for reads in flight, and a stop for calls into its driver
 */
public record RegistryConfig(Duration defaultTimeout, long maxDumpBytes, int maxDumps, long maxTotalBytes,
        Duration drainTimeout) {

    /** The longest timeout: a year is far past any use, and keeps deadlines and timer delays from overflowing. */
    static final Duration MAX_TIMEOUT = Duration.ofDays(365);

    public static final RegistryConfig DEFAULTS = new RegistryConfig(Duration.ofMinutes(5), 64L << 20, 1000, 256L << 20,
            Duration.ofSeconds(5));

    /**
     * @return what is wrong, one exact sentence each, named by the configuration key an admin types
     *     ({@code max.dump.bytes}); empty when valid
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (defaultTimeout == null || defaultTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || defaultTimeout.compareTo(MAX_TIMEOUT) > 0) {
            problems.add("timeout.seconds: " + (defaultTimeout == null ? "null" : defaultTimeout.toSeconds())
                    + " (expected: 1 to " + MAX_TIMEOUT.toSeconds() + ")");
        }
        if (maxDumpBytes < 0) {
            problems.add("max.dump.bytes: " + maxDumpBytes + " (expected: >= 0)");
        }
        if (maxDumps < 0 || maxDumps > Caps.MAX_COUNT) {
            problems.add("max.dumps: " + maxDumps + " (expected: 0 to " + Caps.MAX_COUNT + ")");
        }
        if (maxTotalBytes < 0 || maxTotalBytes > Caps.MAX_BYTES) {
            problems.add("max.total.bytes: " + maxTotalBytes + " (expected: 0 to " + Caps.MAX_BYTES + ")");
        }
        if (drainTimeout == null || drainTimeout.isNegative()) {
            problems.add("drain.timeout.millis: " + (drainTimeout == null ? "null" : drainTimeout.toMillis())
                    + " (expected: >= 0)");
        }
        return problems;
    }

    /**
     * The one place where settings are checked, for the registry and for its OSGi configuration alike.
     *
     * @return {@code candidate} if it is valid
     * @throws IllegalArgumentException listing every problem, one sentence each
     */
    public static RegistryConfig requireValid(RegistryConfig candidate) {
        List<String> problems = candidate.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return candidate;
    }

    /** @return what is wrong with a dump timeout, or null */
    static String timeoutProblem(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            return "timeout: " + timeout + " (expected: > 0 and <= " + MAX_TIMEOUT + ")";
        }
        return null;
    }
}
