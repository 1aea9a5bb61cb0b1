package org.devcd.driver.naive;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeoutException;

import org.devcd.release.SharedObject;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * DELIBERATELY WRONG: the sample driver's twin, but sharing a {@link NaiveObject} whose release code is its own. Its stop
 * looks just as correct as the sample driver's (it drops its reference and waits for the completion), which is the point:
 * the bug is not in the stop, it is where the release method lives.
 */
@Component
public final class NaiveDriver {
    static final Duration RELEASE_BOUND = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(NaiveDriver.class.getName());

    private final NaiveObject device = new NaiveObject("naive0");
    private ServiceRegistration<SharedObject> published;

    @Activate
    void activate(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("kobject.name", device.name());
        published = context.registerService(SharedObject.class, device, properties);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        published.unregister();
        try {
            device.unregister(RELEASE_BOUND);
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage(), e);
        }
    }
}
