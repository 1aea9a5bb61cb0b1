package org.devcd.leakdoctor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What {@link GcWitness#await} saw: whether the target was collected, and how many full collections it was seen to
 * survive before.
 *
 * @param collected            whether the target was cleared when the wait returned
 * @param collectionsWitnessed full collections witnessed while the target was still set
 * @param collectionsRequired  how many the wait asked for before deciding "not collected"
 */
@ProviderType
public record GcVerdict(boolean collected, int collectionsWitnessed, int collectionsRequired) {

    /**
     * Whether the verdict is backed by the collections asked for: the target was collected, or it survived all of
     * them. A verdict that is not conclusive is one where the bound expired first (a JVM that did not collect as asked;
     * see {@link GcWitness}).
     */
    public boolean conclusive() {
        return collected || collectionsWitnessed >= collectionsRequired;
    }

    /**
     * E.g. {@code collected after surviving 0 witnessed full collections}, {@code not collected: survived 3 witnessed
     * full collections}, {@code not collected: the bound expired after 1 of 3 witnessed full collections}.
     */
    @Override
    public String toString() {
        if (collected) {
            return "collected after surviving " + collectionsWitnessed + " witnessed full collections";
        }
        if (conclusive()) {
            return "not collected: survived " + collectionsWitnessed + " witnessed full collections";
        }
        return "not collected: the bound expired after " + collectionsWitnessed + " of " + collectionsRequired
                + " witnessed full collections";
    }
}
