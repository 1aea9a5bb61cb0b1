package org.devcd.leakdoctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What one full collection showed a {@link SurvivalWatch}.
 *
 * @param collector the collector that ran it ({@code gcName}), e.g. {@code G1 Old Generation}
 * @param action    how it ended ({@code gcAction}), e.g. {@code end of major GC}
 * @param cause     why it ran ({@code gcCause}), e.g. {@code Allocation Failure}
 * @param survivors the references this collection counted as survivors (still set, watched since before it), each
 *                  with the number of full collections it has survived since it was watched, in watch order
 * @param collected the references found cleared; the watch forgot them
 * @param <K>       what the monitor names its references by
 */
@ProviderType
public record SurvivalReport<K>(String collector, String action, String cause, Map<K, Integer> survivors,
        List<K> collected) {

    /**
     * @throws NullPointerException if an argument, key or value is null
     */
    public SurvivalReport {
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cause, "cause");
        LinkedHashMap<K, Integer> ordered = new LinkedHashMap<>();
        survivors.forEach((key, count) -> ordered.put(Objects.requireNonNull(key), Objects.requireNonNull(count)));
        survivors = Collections.unmodifiableMap(ordered);
        collected = List.copyOf(collected);
    }
}
