package org.devcd.core.internal.osgi;

import org.devcd.core.internal.coredump.DriverCoredumps;
import org.devcd.core.internal.coredump.DumpRegistry;
import org.devcd.coredump.CoredumpService;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Gives each bundle its own {@link CoredumpService}, so every dump has a known owner; when the bundle releases the
 * service (at the latest when it stops), its dumps are deleted and freed before the release returns.
 */
final class DriverServiceFactory implements ServiceFactory<CoredumpService> {
    private final DumpRegistry registry;

    DriverServiceFactory(DumpRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CoredumpService getService(Bundle bundle, ServiceRegistration<CoredumpService> registration) {
        return DriverCoredumps.attach(registry, bundle.getBundleId(), bundle.getSymbolicName(),
                bundle.getVersion().toString());
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<CoredumpService> registration,
            CoredumpService service) {
        ((DriverCoredumps) service).detach();
    }
}
