package org.devcd.consoles.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Namespace;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * Enables each console's component while some bundle exports the console's API package in the range this bundle's
 * {@code DynamicImport-Package} accepts, and disables it when the last such bundle goes. The consoles' services are
 * whiteboard services that nobody references, so no {@code @Reference} could hold them back; disabled, a component is
 * known to SCR but its class is not loaded and its service not registered. So without a console this bundle loads
 * nothing of it, and no class of it can fail for want of the package.
 *
 * <p>A bundle counts as an exporter from RESOLVED to STOPPING, through its current wiring: the Felix Inventory and the
 * Web Console bundles export their own APIs; in Karaf the system bundle exports the diagnostic API from the boot class
 * path, so the dump provider is enabled from the start. Karaf's Web Console exports only the older javax plugin API,
 * which enables {@link JavaxCoredumpsPlugin}; the Web Console 5 exports both, which enables only {@link
 * CoredumpsPlugin}. The accepted range is read from this bundle's own revision, so the manifest is
 * the one place that states it.
 *
 * <p>Thread-safety: bundle events arrive on the threads that cause them, several at once. Each records its change under
 * this object's lock; then one thread at a time brings SCR in line with the exporters, outside the lock, and looks
 * again until no change is pending, so the last state applied is the state after the last change:
 *
 * <pre>
 * thread A (inventory resolved)        thread B (inventory uninstalled)
 * exporters += inventory; settling
 * enableComponent(printer)             exporters -= inventory; pending, returns (A is settling)
 * looks again: pending
 * disableComponent(printer); done
 * </pre>
 */
@Component(service = {})
public final class ConsolePackages implements BundleTrackerCustomizer<Set<String>> {
    /** The name of {@link CoredumpInventoryPrinter}'s component: a constant, so naming it loads no class. */
    static final String INVENTORY_PRINTER = "org.devcd.consoles.inventory";
    /** The name of {@link CoredumpDumpProvider}'s component. */
    static final String DIAGNOSTIC_PROVIDER = "org.devcd.consoles.diagnostic";
    /** The name of {@link CoredumpsPlugin}'s component, the Web Console page. */
    static final String WEB_CONSOLE_PAGE = "org.devcd.webconsole.page";
    /** The name of {@link JavaxCoredumpsPlugin}'s component, the page in Karaf's (javax) Web Console. */
    static final String JAVAX_WEB_CONSOLE_PAGE = "org.devcd.webconsole.javax.page";
    /** The name, and configuration PID, of {@link ConfiguredUsers}'s component, the Web Console users. */
    static final String WEB_CONSOLE_USERS = "org.devcd.webconsole.users";
    /** The Web Console 5's own plugin API; where it is exported, the javax page stays disabled. */
    private static final String WEB_CONSOLE_5 = "org.apache.felix.webconsole.servlet";
    /**
     * Each component, the package whose export enables it and, where there is one, the package whose export keeps it
     * disabled all the same. The servlet APIs need no gate of their own: a Web Console does not resolve without its own.
     */
    private static final List<Gate> GATES = List.of(
            new Gate(INVENTORY_PRINTER, "org.apache.felix.inventory", null),
            new Gate(DIAGNOSTIC_PROVIDER, "org.apache.karaf.diagnostic.core", null),
            new Gate(WEB_CONSOLE_PAGE, WEB_CONSOLE_5, null),
            new Gate(WEB_CONSOLE_USERS, "org.apache.felix.webconsole.spi", null),
            // The Web Console 5 still exports the old API for old plugins; there the jakarta page is the page.
            new Gate(JAVAX_WEB_CONSOLE_PAGE, "org.apache.felix.webconsole", WEB_CONSOLE_5));
    private static final Set<String> PACKAGES = GATES.stream().flatMap(g -> Stream.of(g.exported(), g.unless()))
            .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());

    /** Component {@code component} is enabled while {@code exported} is exported and {@code unless} (if any) is not. */
    private record Gate(String component, String exported, String unless) {
        boolean open(Map<String, Set<Bundle>> exporters) {
            return exporters.containsKey(exported) && (unless == null || !exporters.containsKey(unless));
        }
    }

    private static final int EXPORTING_STATES = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final ComponentContext component;
    private final List<BundleRequirement> dynamicImports;
    private final BundleTracker<Set<String>> tracker;

    /** Console package to the bundles exporting it, each set non-empty. Guarded by this. */
    private final Map<String, Set<Bundle>> exporters = new HashMap<>();
    /** A change not yet applied. Guarded by this. */
    private boolean pending;
    /** Some thread is applying changes and looks again before it stops. Guarded by this. */
    private boolean settling;
    /** Deactivated: changes are no longer applied. Guarded by this. */
    private boolean closed;

    @Activate
    public ConsolePackages(ComponentContext component) {
        this.component = component;
        Bundle self = component.getBundleContext().getBundle();
        this.dynamicImports = self.adapt(BundleRevision.class)
                .getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(r -> PackageNamespace.RESOLUTION_DYNAMIC
                        .equals(r.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE)))
                .toList();
        this.tracker = new BundleTracker<>(component.getBundleContext(), EXPORTING_STATES, this);
        tracker.open();
    }

    /**
     * Closes the tracker without touching the consoles' components: this component is deactivated when its bundle or
     * SCR stops, and SCR then disposes of every component of the bundle itself. (Disabling them here, while SCR takes
     * the bundle down, only made SCR warn "BundleComponentActivator is not active; not scheduling Async Deactivate" for
     * each, at every Karaf shutdown.)
     */
    @Deactivate
    void deactivate() {
        synchronized (this) {
            closed = true;
        }
        tracker.close();
    }

    /** @return the console packages {@code bundle} exports in the accepted range, or null (not tracked) if none */
    @Override
    public Set<String> addingBundle(Bundle bundle, BundleEvent event) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return null; // no longer resolved by the time we look; its next RESOLVED event brings it back
        }
        Set<String> packages = new HashSet<>();
        for (BundleCapability export : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            Object name = export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            if (PACKAGES.contains(name) && dynamicImports.stream().anyMatch(r -> r.matches(export))) {
                packages.add((String) name);
            }
        }
        if (packages.isEmpty()) {
            return null;
        }
        synchronized (this) {
            packages.forEach(p -> exporters.computeIfAbsent(p, any -> new HashSet<>()).add(bundle));
        }
        settle();
        return packages;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Set<String> packages) {
        // Still exporting: from RESOLVED to STOPPING its wiring, and so its exports, stay the same.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Set<String> packages) {
        synchronized (this) {
            packages.forEach(p -> exporters.computeIfPresent(p, (any, bundles) -> {
                bundles.remove(bundle);
                return bundles.isEmpty() ? null : bundles;
            }));
        }
        settle();
    }

    /**
     * Brings the consoles' components in line with the exporters (see the class comment). {@code enableComponent} and
     * {@code disableComponent} only change what SCR should do and return; SCR activates, registers and loads classes
     * on its own thread.
     */
    private void settle() {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending = true;
            if (settling) {
                return; // the settling thread looks again before it stops
            }
            settling = true;
        }
        while (true) {
            Map<String, Boolean> wanted = new HashMap<>();
            synchronized (this) {
                if (!pending || closed) {
                    settling = false;
                    return;
                }
                pending = false;
                GATES.forEach(gate -> wanted.put(gate.component(), gate.open(exporters)));
            }
            try {
                wanted.forEach((name, enable) -> {
                    if (enable) {
                        component.enableComponent(name);
                    } else {
                        component.disableComponent(name);
                    }
                });
            } catch (RuntimeException e) {
                synchronized (this) {
                    settling = false; // the next change settles again
                }
                throw e;
            }
        }
    }
}
