package org.devcd.coredump;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The admin side of device coredumps: what the kernel exposes under {@code /sys/class/devcoredump}.
 *
 * <p>Thread-safety: all methods may be called from any thread; none of them holds a lock while it calls driver code.
 */
@ProviderType
public interface CoredumpAdmin {

    /** @return the listed dumps, oldest first: a snapshot */
    List<DumpInfo> list();

    /**
     * Opens a reader of a dump.
     *
     * @param name {@code devcdN}
     * @return a reader
     * @throws NoSuchDumpException if no dump has that name
     */
    DumpReader open(String name);

    /**
     * Deletes a dump now, bringing its pending deletion forward (writing to the kernel's {@code data} file). A dump that
     * another path is already deleting is left to it: a dismissal never re-arms a deletion.
     *
     * @param name {@code devcdN}
     * @return whether this call deleted the dump; false if it is gone or already being deleted
     */
    boolean dismiss(String name);

    /**
     * Disables coredumps for good (the kernel's {@code disabled} attribute, a lockdown switch): new dumps are discarded
     * from now on, and every listed dump is deleted before this returns. Write-once: a second call changes nothing.
     *
     * @return whether this call disabled them; false if they were disabled already
     */
    boolean disable();

    /** @return the registry at a glance */
    CoredumpStatus status();

    /**
     * @return how many dumps were registered, discarded and removed since the core started
     * @since 1.1
     */
    CoredumpCounts counts();
}
