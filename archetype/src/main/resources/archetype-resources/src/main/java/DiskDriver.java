package ${package};

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

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
 * A driver written the devcd way. It shares its device with other bundles as the core's {@link KObject}, so whichever
 * thread drops the last reference runs only core code; its stop drops its own reference and waits for that release.
 * When the device fails it registers device coredumps, which the core frees while this bundle is alive and deletes
 * when it stops. Gogo: {@code disk:crash REASON}.
 */
@Component(service = DiskDriver.class, immediate = true, property = {
    "osgi.command.scope=disk",
    "osgi.command.function=crash"
})
public final class DiskDriver {
    static final Duration RELEASE_BOUND = Duration.ofSeconds(5);

    private final KObject device = new KObject("disk0", Map.of("model", "example disk"));
    private ServiceRegistration<SharedObject> published;

    @Reference
    private CoredumpService coredumps;

    @Activate
    void activate(BundleContext context) {
        published = context.registerService(SharedObject.class, device,
                new Hashtable<>(Map.of("kobject.name", device.name())));
    }

    /**
     * The device failed: its firmware state as one array ({@code dumpv}), its controller's RAM read on demand
     * ({@code dumpm}) and its queues as several buffers ({@code dumpsg}). The registry owns each from the call on.
     *
     * @return one line per dump: its name, or why it was discarded
     */
    public String crash(String reason) {
        byte[] firmware = ("disk0 failed: " + reason).getBytes(StandardCharsets.UTF_8);
        Registration state = coredumps.dumpv("disk0", firmware);
        Registration ram = coredumps.dumpm("disk0-ram", new ControllerRam(4096), Duration.ofMinutes(1));
        Registration queues = coredumps.dumpsg("disk0-queues",
                List.of(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {3})));
        return describe(state) + "\n" + describe(ram) + "\n" + describe(queues);
    }

    @Deactivate
    void deactivate() throws InterruptedException, TimeoutException {
        published.unregister();                   // no new lookups
        device.unregister(RELEASE_BOUND);         // put our reference, wait for the last holder's release
        // The core deletes this bundle's dumps when it releases the coredump service, right after this returns.
    }

    private static String describe(Registration registration) {
        if (registration instanceof Registration.Registered registered) {
            return "coredump " + registered.name();
        }
        Registration.Discarded discarded = (Registration.Discarded) registration;
        return "coredump discarded (" + discarded.reason() + ": " + discarded.detail() + ")";
    }
}
