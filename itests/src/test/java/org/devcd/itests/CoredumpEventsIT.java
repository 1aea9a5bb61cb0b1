package org.devcd.itests;

import static org.junit.Assert.assertEquals;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.CoredumpService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;

/** EventAdmin events in place of uevents: ADDED once the dump is listed, REMOVED with the reason after it was freed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoredumpEventsIT {
    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.core()};
    }

    /** ADDED carries the dump's name, device, size and owner; the dump is listed when it arrives. */
    @Test
    public void addedDescribesAListedDump() throws Exception {
        Probe.Events events = Probe.Events.record(context);
        CoredumpService driver = Probe.driverService(context);

        String name = Probe.dumpv(driver, "event0", new byte[33]);
        Event added = events.next(name);

        assertEquals(CoredumpEvents.TOPIC_ADDED, added.getTopic());
        assertEquals("event0", added.getProperty(CoredumpEvents.DEVICE));
        assertEquals(33L, added.getProperty(CoredumpEvents.SIZE));
        assertEquals("PAXEXAM-PROBE", ((String) added.getProperty(CoredumpEvents.BUNDLE_SYMBOLIC_NAME))
                .substring(0, "PAXEXAM-PROBE".length()));
        assertEquals(1, admin.list().stream().filter(d -> d.name().equals(name)).count());
    }

    /** A dismiss is announced as REMOVED with reason DISMISSED, after the ADDED of the same dump. */
    @Test
    public void removedCarriesTheReason() throws Exception {
        Probe.Events events = Probe.Events.record(context);
        CoredumpService driver = Probe.driverService(context);
        String name = Probe.dumpv(driver, "event1", new byte[1]);

        admin.dismiss(name);

        assertEquals(CoredumpEvents.TOPIC_ADDED, events.next(name).getTopic());
        Event removed = events.next(name);
        assertEquals(CoredumpEvents.TOPIC_REMOVED, removed.getTopic());
        assertEquals("DISMISSED", removed.getProperty(CoredumpEvents.REASON));
    }
}
