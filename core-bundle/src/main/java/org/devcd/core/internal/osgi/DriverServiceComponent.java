package org.devcd.core.internal.osgi;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.devcd.core.internal.coredump.DriverCoredumps;
import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.Registration;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The driver service, one instance per using bundle (bundle scope), so every dump has a known owner. When the bundle
 * releases the service (at the latest when it stops, before its class loader can go), SCR deactivates its instance and
 * the bundle's dumps are deleted and freed before that returns.
 */
@Component(service = CoredumpService.class, scope = ServiceScope.BUNDLE)
public final class DriverServiceComponent implements CoredumpService {
    @Reference
    private CoredumpRegistryComponent registry;

    private DriverCoredumps delegate;

    @Activate
    void activate(ComponentContext context) {
        Bundle owner = context.getUsingBundle();
        delegate = registry.registry().attach(owner.getBundleId(), owner.getSymbolicName(),
                owner.getVersion().toString());
    }

    @Deactivate
    void deactivate() {
        delegate.detach();
    }

    @Override
    public Registration dumpv(String device, byte[] data) {
        return delegate.dumpv(device, data);
    }

    @Override
    public Registration dumpm(String device, DumpSource source) {
        return delegate.dumpm(device, source);
    }

    @Override
    public Registration dumpm(String device, DumpSource source, Duration timeout) {
        return delegate.dumpm(device, source, timeout);
    }

    @Override
    public Registration dumpsg(String device, List<ByteBuffer> chunks) {
        return delegate.dumpsg(device, chunks);
    }

    @Override
    public boolean put(String device) {
        return delegate.put(device);
    }
}
