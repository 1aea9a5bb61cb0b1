package org.devcd.driver.naive;

/**
 * The "little more work" the naive release does after signalling its completion. A class of its own on purpose: it is
 * first loaded during that work, so after the bundle's wiring is gone the load fails, as Felix fails it.
 */
final class ReleaseLog {
    private static volatile String lastReleased;

    private ReleaseLog() {
    }

    static void record(String name) {
        lastReleased = name;
    }

    static String lastReleased() {
        return lastReleased;
    }
}
