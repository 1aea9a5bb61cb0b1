package org.devcd.driver.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.Registration;
import org.devcd.release.KObject;
import org.devcd.release.SharedObject;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The sample driver, the template for plugin authors: it owns one simulated device and shares the device's kobject with
 * other bundles as a {@link SharedObject} service (the sysfs view). The kobject is the core's {@link KObject}, so whichever
 * thread drops the last reference runs only core code; the driver's deactivation drops its own reference and waits,
 * bounded, for that release, so when the bundle has stopped nothing of it runs on the device's behalf.
 *
 * <p>The device can be made to fail ({@link #fail(String)}, also the Gogo command {@code sample:crash REASON}): it then
 * registers a coredump of its state. Its dumps go with the bundle when it stops; the core deletes them.
 */
@Component(service = SampleDriver.class, immediate = true, property = {
    "osgi.command.scope=sample",
    "osgi.command.function=crash"
})
public final class SampleDriver {
    /** The service property that names a shared object. */
    public static final String NAME_PROPERTY = "kobject.name";
    static final Duration RELEASE_BOUND = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(SampleDriver.class.getName());

    private final KObject device = new KObject("sample0", Map.of("model", "devcd simulated disk", "state", "ok"));
    /** The reason of a {@code sample:crash} typed without one. */
    static final String NO_REASON = "crashed on demand";

    private final AtomicInteger crashes = new AtomicInteger();
    private ServiceRegistration<SharedObject> published;

    @Reference
    private CoredumpService coredumps;

    @Activate
    void activate(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(NAME_PROPERTY, device.name());
        published = context.registerService(SharedObject.class, device, properties);
    }

    /**
     * The Gogo command {@code sample:crash REASON}: makes the device fail and prints what became of its coredump to the
     * session's console ({@code System.out}, which Gogo and Karaf route to the session), so scripts see it.
     *
     * @param reason why it failed, recorded in the dump
     */
    public void crash(String reason) {
        System.out.println(fail(reason));
    }

    /**
     * {@code sample:crash} with several words takes them all as the reason ({@code sample:crash disk overheated});
     * without any, the reason is {@value #NO_REASON}. Gogo calls this only when {@link #crash(String)} does not fit.
     *
     * @param words the reason, word by word
     */
    public void crash(String... words) {
        crash(words.length == 0 ? NO_REASON : String.join(" ", words));
    }

    /**
     * Makes the device fail: it registers a coredump of its state ({@code dev_coredumpv}).
     *
     * @param reason why it failed, recorded in the dump
     * @return one line: the dump's name, or why it was discarded
     */
    public String fail(String reason) {
        int crash = crashes.incrementAndGet();
        String state = "device: " + device.name() + "\ncrash: " + crash + "\nreason: " + reason + "\nattributes: "
                + new TreeMap<>(device.attributes()) + "\n";
        Registration registration = coredumps.dumpv(device.name(), state.getBytes(StandardCharsets.UTF_8));
        if (registration instanceof Registration.Registered registered) {
            return device.name() + " crashed: coredump " + registered.name();
        }
        Registration.Discarded discarded = (Registration.Discarded) registration;
        return device.name() + " crashed: coredump discarded (" + discarded.reason() + ": " + discarded.detail() + ")";
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
