package org.devcd.core.internal.osgi;

import java.lang.System.Logger.Level;
import java.io.File;
import java.util.List;
import java.util.Map;

import org.devcd.core.internal.coredump.RegistryState;
import org.devcd.coredump.CoredumpService;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import org.devcd.core.internal.coredump.DumpListener;
import org.devcd.core.internal.coredump.DumpRegistry;
import org.devcd.core.internal.coredump.RegistryConfig;
import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The registry as a DS component: configured by PID {@code org.devcd.coredump}, announcing through EventAdmin when one
 * is there (through {@link EventAdminBridge}, picked up and dropped at run time), offering {@link CoredumpAdmin} to admins and tools, and {@link CoredumpService} to drivers as a service
 * factory: each bundle that gets it has its own {@link DriverCoredumps}, detached when the bundle releases it (at the
 * latest when it stops, while its class loader is still valid).
 *
 * <p>The driver service is registered by hand, so its {@code osgi.service} capability is declared here: resolvers (Karaf's
 * features, bnd) then know that the core provides what a driver's DS reference requires.
 *
 * <p>When the core stops, the registry shuts down first (every dump removed with reason SHUTDOWN, within one drain
 * bound), then the driver service goes away.
 */
@Capability(namespace = "osgi.service", uses = CoredumpService.class,
        attribute = "objectClass:List<String>=\"org.devcd.coredump.CoredumpService\"")
@Component(service = CoredumpAdmin.class, configurationPid = "org.devcd.coredump", immediate = true)
@Designate(ocd = CoredumpConfig.class)
public final class CoredumpRegistryComponent implements CoredumpAdmin {
    private static final System.Logger LOG = System.getLogger(CoredumpRegistryComponent.class.getName());

    /** The {@link EventAdminBridge} while Event Admin runs; the registry's events go nowhere meanwhile. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DumpListener events;

    private volatile DumpRegistry registry;
    private ServiceRegistration<CoredumpService> drivers;

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        RegistryConfig settings = RegistryConfig.DEFAULTS;
        try {
            settings = ConfigValues.read(properties);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "rejected configuration of org.devcd.coredump ({0}); starting with the defaults {1}",
                    e.getMessage(), settings);
        }
        registry = DumpRegistry.start(settings, new ListenerForwarder(() -> events), state(context));
        if (ConfigValues.disabled(properties)) {
            registry.disable();
        }
        drivers = context.registerService(CoredumpService.class, new DriverServiceFactory(registry), null);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        DumpRegistry current = registry;
        try {
            current.configure(ConfigValues.read(properties));
            LOG.log(Level.DEBUG, "org.devcd.coredump configured: {0}", current.config());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "rejected configuration of org.devcd.coredump ({0}); keeping {1}", e.getMessage(),
                    current.config());
        }
        if (ConfigValues.disabled(properties)) {
            current.disable();
        } else if (current.status().disabled()) {
            LOG.log(Level.WARNING, "org.devcd.coredump: disabled is write-once; disabled=false has no effect");
        }
    }

    @Deactivate
    void deactivate() {
        registry.shutdown();
        drivers.unregister();
    }

    private static RegistryState state(BundleContext context) {
        File file = context.getDataFile(DataFileState.FILE);
        if (file == null) {
            LOG.log(Level.WARNING, "the framework gives the core no data area: disable and names hold only until the "
                    + "core stops");
            return RegistryState.inMemory();
        }
        return new DataFileState(file.toPath());
    }

    @Override
    public List<DumpInfo> list() {
        return registry.list();
    }

    @Override
    public DumpReader open(String name) {
        return registry.open(name);
    }

    @Override
    public boolean dismiss(String name) {
        return registry.dismiss(name);
    }

    @Override
    public boolean disable() {
        return registry.disable();
    }

    @Override
    public CoredumpStatus status() {
        return registry.status();
    }

    @Override
    public CoredumpCounts counts() {
        return registry.counts();
    }
}
