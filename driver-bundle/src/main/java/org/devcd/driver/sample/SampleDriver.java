package org.devcd.driver.sample;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.devcd.release.KObject;
import org.devcd.release.SharedObject;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The sample driver, the template for plugin authors: it owns one simulated device and shares the device's kobject with
 * other bundles as a {@link SharedObject} service (the sysfs view). The kobject is the core's {@link KObject}, so whichever
 * thread drops the last reference runs only core code; the driver's deactivation drops its own reference and waits,
 * bounded, for that release, so when the bundle has stopped nothing of it runs on the device's behalf.
 */
@Component
public final class SampleDriver {
    /** The service property that names a shared object. */
    public static final String NAME_PROPERTY = "kobject.name";
    static final Duration RELEASE_BOUND = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(SampleDriver.class.getName());

    private final KObject device = new KObject("sample0", Map.of("model", "devcd simulated disk", "state", "ok"));
    private ServiceRegistration<SharedObject> published;

    @Activate
    void activate(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(NAME_PROPERTY, device.name());
        published = context.registerService(SharedObject.class, device, properties);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        published.unregister(); // no new lookups; holders keep their references
        try {
            device.unregister(RELEASE_BOUND); // dm_sysfs_exit: put our reference, wait for the last holder's release
        } catch (TimeoutException e) {
            // Loud, not fatal: the release code is the core's, so a late holder cannot run this bundle's code.
            LOG.log(System.Logger.Level.ERROR, "stopping with a device still referenced: " + e.getMessage(), e);
        }
    }
}
