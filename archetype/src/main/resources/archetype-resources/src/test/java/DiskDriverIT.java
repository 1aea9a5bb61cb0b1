package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.DumpInfo;
import org.devcd.release.SharedObject;
import org.devcd.testkit.StaleCode;
import org.devcd.testkit.Unloading;
import org.devcd.testkit.exam.DevcdTestKit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The driver in a real Felix with devcd: its dumps go with it, and once uninstalled nothing of it runs or stays. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DiskDriverIT {
    private static final String DRIVER = "${package}";

    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Inject
    private CommandProcessor gogo;

    @Configuration
    public Option[] config() {
        return options(
                junitBundles(),
                DevcdTestKit.watch(DRIVER),                 // the stale-code detector weaves the driver
                DevcdTestKit.devcd(),                       // SCR, Config Admin, Event Admin, Gogo, the test kit, the core
                bundle("file:" + System.getProperty("driver.bundle")));
    }

    /** A crash registers its three dumps, listed under the driver's name; the driver's stop deletes them. */
    @Test
    public void aCrashRegistersDumpsThatGoWithTheDriver() throws Exception {
        String printed = run("disk:crash overheated");

        assertTrue(printed, printed.contains("coredump devcd"));
        assertEquals(3, admin.list().stream().filter(d -> d.bundleSymbolicName().equals(DRIVER)).count());
        driver().stop();
        assertTrue(admin.list().stream().map(DumpInfo::bundleSymbolicName).noneMatch(DRIVER::equals));
    }

    /**
     * Another bundle holds the driver's device while the driver stops; its last put() runs only core code, the stop
     * returns, and after uninstall and refresh the driver's class loader is collected and none of its code ran late.
     */
    @Test
    public void theDriverUnloadsCleanlyWhileItsDeviceIsHeld() throws Exception {
        ServiceReference<SharedObject> reference = context.getServiceReference(SharedObject.class);
        SharedObject device = context.getService(reference);
        assertTrue(device.tryGet());
        Bundle driver = driver();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
            try {
                driver.stop();                              // waits for our put()
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        context.ungetService(reference);
        device.put();                                       // the last reference: the core's release runs here
        stop.get(10, TimeUnit.SECONDS);

        Unloading.assertUnloadsCleanly(context, driver);    // uninstall, refresh, its class loader is collected
        StaleCode.assertNoneAbout(DRIVER);                  // and no code of it ran after its stop
    }

    private Bundle driver() {
        for (Bundle bundle : context.getBundles()) {
            if (DRIVER.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + DRIVER);
    }

    private String run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, "UTF-8");
                CommandSession session = gogo.createSession(System.in, print, print)) {
            Object result = session.execute(command);
            return String.valueOf(result) + out.toString("UTF-8");
        }
    }
}
