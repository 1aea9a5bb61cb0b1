package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DumpReader;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Event Admin is optional: without it the core resolves, starts, registers, lists and reads dumps (events are dropped
 * with a DEBUG line), and when Event Admin is installed later the core posts its events with no restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class CoreWithoutEventAdminIT {
    private static final String EVENT_ADMIN = "org.apache.felix:org.apache.felix.eventadmin";

    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.coreWithout(EVENT_ADMIN)};
    }

    /** No bundle offers Event Admin, and the core's dumps work all the same. */
    @Test
    public void dumpsWorkWithoutEventAdmin() {
        Bundles.assertAllResolved(context);
        assertNull(context.getServiceReference("org.osgi.service.event.EventAdmin"));
        assertEquals(Bundle.ACTIVE, Bundles.bySymbolicName(context, "org.devcd.core").getState());
        CoredumpService driver = Probe.driverService(context);

        String name = Probe.dumpv(driver, "quiet0", new byte[] {4, 2});

        try (DumpReader reader = admin.open(name)) {
            ByteBuffer content = ByteBuffer.allocate(2);
            assertEquals(2, reader.read(0, content));
            assertEquals(4, content.get(0));
        }
        assertTrue(admin.dismiss(name));
        assertTrue(admin.list().isEmpty());
    }

    /** Event Admin installed while the core runs: the next dump's ADDED is posted, without restarting the core. */
    @Test
    public void eventAdminArrivingLaterIsPickedUp() throws Exception {
        CoredumpService driver = Probe.driverService(context);
        Probe.dumpv(driver, "before0", new byte[1]);

        Bundle eventAdmin = context.installBundle(DevcdOptions.builtBundle(EVENT_ADMIN));
        eventAdmin.start();
        Probe.Events events = Probe.Events.record(context);
        String name = Probe.dumpv(driver, "after0", new byte[1]);

        assertEquals(CoredumpEvents.TOPIC_ADDED, events.next(name).getTopic());
    }
}
