package org.devcd.testkit.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Starts the stale-code detector: a {@link WeavingHook} that weaves the classes of watched bundles as they load, and a
 * synchronous bundle listener that marks a revision dead the moment its bundle is uninstalled, updated or unresolved (a
 * refresh), and records which of the three it was.
 *
 * <p>A revision dies once, and its first death names it, so the order of the events matters. Felix (7.0.5, measured)
 * unresolves a resolved bundle at the start of {@code uninstall()}, before it disposes the wiring:
 * <pre>
 *   uninstall():  UNRESOLVED  state INSTALLED, wiring still current
 *                 UNINSTALLED state UNINSTALLED, wiring gone          &lt;- the revision dies here
 *   update():     UNRESOLVED  state INSTALLED, wiring gone            &lt;- the revision dies here
 *                 UPDATED
 *   refresh:      UNRESOLVED  state INSTALLED, wiring gone            &lt;- the revision dies here
 * </pre>
 * So an {@code UNRESOLVED} whose bundle still has a current wiring kills nothing: that wiring is valid, its code is not
 * stale yet, and the {@code UNINSTALLED} that follows names the death. Had the detector killed the revision there, the
 * uninstall would be reported as {@code UNRESOLVED}.
 */
public final class Activator implements BundleActivator, WeavingHook, SynchronousBundleListener {
    /** Framework property: comma-separated symbolic names to watch; a trailing {@code *} matches a prefix. */
    public static final String WATCH = "devcd.testkit.watch";

    private List<String> watched = List.of();
    private long self;

    @Override
    public void start(BundleContext context) {
        self = context.getBundle().getBundleId();
        String property = context.getProperty(WATCH);
        List<String> names = new ArrayList<>();
        if (property != null) {
            for (String name : property.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        watched = List.copyOf(names);
        context.addBundleListener(this);
        context.registerService(WeavingHook.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        context.removeBundleListener(this);
    }

    @Override
    public void weave(WovenClass woven) {
        // Called for every class any bundle loads from now on, also re-entrantly: decide cheaply, touch nothing else.
        long bundleId = woven.getBundleWiring().getBundle().getBundleId();
        String symbolicName = woven.getBundleWiring().getRevision().getSymbolicName();
        if (bundleId == self || symbolicName == null || !isWatched(symbolicName)) {
            return;
        }
        int token = Revisions.register(bundleId, symbolicName);
        woven.setBytes(Weaver.weave(woven.getBytes(), token));
        woven.getDynamicImports().add(Weaver.PROBE_PACKAGE);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.UNINSTALLED -> Revisions.kill(event.getBundle().getBundleId(), "UNINSTALLED");
            case BundleEvent.UPDATED -> Revisions.kill(event.getBundle().getBundleId(), "UPDATED");
            case BundleEvent.UNRESOLVED -> {
                if (!hasCurrentWiring(event.getBundle())) {
                    Revisions.kill(event.getBundle().getBundleId(), "UNRESOLVED");
                }
            }
            default -> {
            }
        }
    }

    /** @return whether {@code bundle}'s current revision still has its wiring: Felix's uninstall has not disposed it */
    private static boolean hasCurrentWiring(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring != null && wiring.isCurrent();
    }

    private boolean isWatched(String symbolicName) {
        for (String pattern : watched) {
            if (pattern.endsWith("*") ? symbolicName.startsWith(pattern.substring(0, pattern.length() - 1))
                    : symbolicName.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
