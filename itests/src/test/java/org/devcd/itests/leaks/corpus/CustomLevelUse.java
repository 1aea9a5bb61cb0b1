package org.devcd.itests.leaks.corpus;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Kind {@code custom-level} ({@link org.devcd.itests.leaks.LeakKind#CUSTOM_LEVEL}): creates a {@link Level} subclass
 * of its own and logs with it once. On Java 8 that leaked (the known-levels registry held every level strongly); since
 * Java 9 the registry holds custom subclasses weakly, and the bundle unloads: the corpus keeps it as a case a diagnosis
 * must not blame.
 */
public final class CustomLevelUse implements BundleActivator {
    /** The custom level's name. */
    public static final String LEVEL = "DEVCD_AUDIT";

    @Override
    public void start(BundleContext context) {
        // Below INFO: nothing is printed, but the level is created and registered all the same.
        Logger.getLogger("org.devcd.itests.leak.level").log(new AuditLevel(), "started");
    }

    @Override
    public void stop(BundleContext context) {
        // Nothing to undo: a level cannot be unregistered.
    }

    /** A custom level between CONFIG and INFO. */
    static final class AuditLevel extends Level {
        private static final long serialVersionUID = 1L;

        AuditLevel() {
            super(LEVEL, 750);
        }
    }
}
