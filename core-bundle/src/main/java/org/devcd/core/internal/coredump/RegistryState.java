package org.devcd.core.internal.coredump;

/**
 * What the registry keeps across restarts of the core bundle and of the framework (with the same storage): the
 * write-once disable switch, and how far names were given out, so that no name is ever given twice. The OSGi
 * component keeps it in the core bundle's data area; {@link #inMemory()} forgets it with the registry.
 *
 * <p>Implementations are called from any thread; a failure to persist is logged by the implementation and the
 * registry goes on with what it holds in memory.
 */
public interface RegistryState {

    /** @return whether coredumps were disabled, for good */
    boolean disabled();

    /** Records that coredumps are disabled; called once, before the dumps are deleted. */
    void recordDisabled();

    /** @return the highest id that may have been given out (0 if none) */
    long idsGivenOut();

    /** Records that ids up to {@code upTo} may have been given out. */
    void recordIdsGivenOut(long upTo);

    /** @return a state that lives as long as the registry: nothing survives a restart */
    static RegistryState inMemory() {
        return new RegistryState() {
            private volatile boolean disabled;
            private volatile long ids;

            @Override
            public boolean disabled() {
                return disabled;
            }

            @Override
            public void recordDisabled() {
                disabled = true;
            }

            @Override
            public long idsGivenOut() {
                return ids;
            }

            @Override
            public void recordIdsGivenOut(long upTo) {
                ids = upTo;
            }
        };
    }
}
