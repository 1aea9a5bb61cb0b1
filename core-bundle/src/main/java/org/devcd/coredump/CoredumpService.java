package org.devcd.coredump;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The driver side of device coredumps ({@code dev_coredumpv}, {@code dev_coredumpm_timeout}, {@code dev_coredumpsg},
 * {@code dev_coredump_put}). A bundle-scoped service: each bundle gets its own instance, so the registry knows which bundle
 * owns each dump. When the bundle stops (or releases the service), its dumps are deleted and freed before the release
 * returns, while its class loader is still valid; from then on this instance discards everything with
 * {@link DiscardReason#DRIVER_STOPPING}.
 *
 * <p>Ownership: once a registering method has the data, it frees it on every path. Discards included, the data is freed
 * (for a {@link DumpSource}, its {@code free()} runs, in the calling thread) before the method returns; an invalid
 * argument (device, timeout, a null timeout or chunk) is reported with an {@link IllegalArgumentException} after the
 * data was freed. Only a null data, source or chunk list is a {@link NullPointerException}: there is nothing to free.
 * A registration still in flight when the bundle's stop begins is discarded with {@link DiscardReason#DRIVER_STOPPING}.
 *
 * <p>Devices are named by a string unique within the calling bundle: one dump per device at a time. A device name is
 * 1 to 128 printable characters without spaces.
 *
 * <p>Thread-safety: all methods may be called from any thread. Memory consistency effects: actions before a registration
 * happen-before every read of the dump and the {@code ADDED} event.
 */
@ProviderType
public interface CoredumpService {

    /**
     * Registers a dump of {@code data} ({@code dev_coredumpv}), deleted after the configured default timeout. The
     * registry keeps the array and the caller must not change it afterwards.
     *
     * @param device the failing device
     * @param data the dump; owned by the registry from the call on
     * @return registered as {@code devcdN}, or discarded and why
     */
    Registration dumpv(String device, byte[] data);

    /**
     * Registers a dump read on demand from {@code source} ({@code dev_coredumpm}), deleted after the default timeout.
     *
     * @param device the failing device
     * @param source the dump; owned by the registry from the call on: its {@code free()} runs exactly once
     * @return registered as {@code devcdN}, or discarded and why
     */
    Registration dumpm(String device, DumpSource source);

    /**
     * Like {@link #dumpm(String, DumpSource)} with its own timeout ({@code dev_coredumpm_timeout}).
     *
     * @param device the failing device
     * @param source the dump; owned by the registry from the call on
     * @param timeout how long the dump stays, > 0
     * @return registered as {@code devcdN}, or discarded and why
     */
    Registration dumpm(String device, DumpSource source, Duration timeout);

    /**
     * Registers a dump made of chunks read in order ({@code dev_coredumpsg}). The registry keeps the buffers (their
     * remaining bytes) and the caller must not change them afterwards.
     *
     * @param device the failing device
     * @param chunks the dump's parts; owned by the registry from the call on
     * @return registered as {@code devcdN}, or discarded and why
     */
    Registration dumpsg(String device, List<ByteBuffer> chunks);

    /**
     * Deletes the dump of {@code device}, if any, synchronously ({@code dev_coredump_put}): when this returns, the dump is
     * freed, also if another path was already deleting it. Called from inside one of this bundle's
     * {@link DumpSource} callbacks ({@code read} or {@code free}), it never waits for a deletion already in progress
     * (that deletion may be waiting for the caller): it returns true at once.
     *
     * @param device the device
     * @return whether the device had a dump
     */
    boolean put(String device);
}
