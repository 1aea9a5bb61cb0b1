package org.devcd.testkit.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;

/**
 * Starts the stale-code detector: a {@link WeavingHook} that weaves the classes of watched bundles as they load, and a
 * synchronous bundle listener that marks a revision dead the moment its bundle is uninstalled, updated or unresolved (a
 * refresh).
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
            case BundleEvent.UNRESOLVED -> Revisions.kill(event.getBundle().getBundleId(), "UNRESOLVED");
            default -> {
            }
        }
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
