package org.devcd.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.time.Duration;
import java.util.Objects;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.Registration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;

/**
 * Stopping and starting the core bundle: its dumps go with reason SHUTDOWN, and what the registry keeps in the core's
 * data area (names given out, the write-once disable) holds across the restart.
 *
 * <p>Each test runs in its own framework ({@link PerMethod}), with its own storage: a disable is for good, and would
 * otherwise reach the tests after it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class CoreRestartIT {
    private static final String CORE = "org.devcd.core";
    private static final String DRIVER = "org.devcd.itests.restart";
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Configuration
    public Option[] config() {
        return new Option[] {
            DevcdOptions.core(),
            streamBundle(DriverStopIT.driver(DRIVER, "disk0:8")).start(false)
        };
    }

    /** The core's stop deletes a driver's dump as SHUTDOWN (not DRIVER_STOPPED): the driver is still running. */
    @Test
    public void stoppingTheCoreRemovesDumpsWithShutdown() throws Exception {
        Probe.Events events = Probe.Events.record(context);
        Bundle driver = Bundles.bySymbolicName(context, DRIVER);
        driver.start();
        String name = admin.list().stream().filter(d -> d.bundleSymbolicName().equals(DRIVER)).map(DumpInfo::name)
                .findFirst().orElseThrow(() -> new AssertionError("the driver registered no dump: " + admin.list()));
        assertEquals(CoredumpEvents.TOPIC_ADDED, events.next(name).getTopic());

        Bundles.bySymbolicName(context, CORE).stop();

        // A dump is deleted once (one claim wins), so its one REMOVED event names the only reason.
        Event removed = events.next(name);
        assertEquals(CoredumpEvents.TOPIC_REMOVED, removed.getTopic());
        assertEquals("SHUTDOWN", removed.getProperty(CoredumpEvents.REASON));
        assertEquals(Bundle.ACTIVE, driver.getState());
    }

    /** After a clean stop and start of the core, names go on from the last one given out: devcdN, then devcdN+1. */
    @Test
    public void namesContinueAfterACoreRestart() throws Exception {
        CoredumpService before = Probe.driverService(context);
        Probe.dumpv(before, "name0", new byte[1]);
        long last = number(Probe.dumpv(before, "name1", new byte[1]));

        restartCore();

        CoredumpService after = awaitService(CoredumpService.class);
        assertEquals("devcd" + (last + 1), Probe.dumpv(after, "name2", new byte[1]));
    }

    /** A disable is kept in the core's data area: after a restart the registry is still disabled and discards. */
    @Test
    public void disableSurvivesACoreRestart() throws Exception {
        assertTrue(admin.disable());

        restartCore();

        CoredumpAdmin restarted = awaitService(CoredumpAdmin.class);
        assertTrue(restarted.status().disabled());
        Registration registration = awaitService(CoredumpService.class).dumpv("disabled0", new byte[1]);
        assertTrue("discarded as disabled: " + registration, registration instanceof Registration.Discarded discarded
                && discarded.reason() == DiscardReason.DISABLED);
        assertFalse("disable is write-once", restarted.disable());
    }

    /** Stops and starts the core; its services of before are gone when this returns. */
    private void restartCore() throws BundleException {
        Bundle core = Bundles.bySymbolicName(context, CORE);
        core.stop();
        core.start();
    }

    /** Waits for the core (re)started by the test to register {@code type}, and gets it for the probe. */
    private <T> T awaitService(Class<T> type) {
        ServiceReference<T> reference = await().atMost(BOUND)
                .until(() -> context.getServiceReference(type), Objects::nonNull);
        return context.getService(reference);
    }

    private static long number(String name) {
        assertTrue(name, name.startsWith("devcd"));
        return Long.parseLong(name.substring("devcd".length()));
    }
}
