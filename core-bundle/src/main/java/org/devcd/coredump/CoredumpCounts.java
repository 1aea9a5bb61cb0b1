package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What happened to the dumps handed to the registry since the core started, each counted once.
 *
 * @param registered dumps that were registered and listed
 * @param discarded dumps that were refused at registration (their data freed at once)
 * @param removed registered dumps that were deleted and freed since
 * @since 1.1
 */
@ProviderType
public record CoredumpCounts(long registered, long discarded, long removed) {
}
