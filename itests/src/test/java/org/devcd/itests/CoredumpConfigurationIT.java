package org.devcd.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DiscardReason;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Config Admin changes the registry at run time; a bad value is rejected and the previous settings stay. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class CoredumpConfigurationIT {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private MetaTypeService metaType;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.core()};
    }

    /** Metatype describes the configuration: each property with its default. */
    @Test
    public void metatypeDescribesTheConfiguration() {
        Bundle core = Bundles.bySymbolicName(context, "org.devcd.core");
        ObjectClassDefinition definition = metaType.getMetaTypeInformation(core)
                .getObjectClassDefinition("org.devcd.coredump", null);
        Map<String, String> defaults = new TreeMap<>();
        for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            defaults.put(attribute.getID(), String.join(",", attribute.getDefaultValue()));
        }

        assertEquals("devcd device coredumps", definition.getName());
        assertEquals("{disabled=false, drain.timeout.millis=5000, max.dump.bytes=67108864, max.dumps=1000, "
                + "max.total.bytes=268435456, timeout.seconds=300}", defaults.toString());
    }

    /** A shorter timeout applies to new dumps: one expires and is announced as REMOVED with reason TIMEOUT. */
    @Test
    public void aShorterTimeoutExpiresNewDumps() throws Exception {
        configure("timeout.seconds", 1L);
        await().atMost(BOUND).until(() -> admin.status().defaultTimeout().equals(Duration.ofSeconds(1)));
        Probe.Events events = Probe.Events.record(context);
        CoredumpService driver = Probe.driverService(context);

        String name = Probe.dumpv(driver, "expiring", new byte[1]);

        assertEquals(CoredumpEvents.TOPIC_ADDED, events.next(name).getTopic());
        Event removed = events.next(name);
        assertEquals("TIMEOUT", removed.getProperty(CoredumpEvents.REASON));
        assertTrue(admin.list().isEmpty());
    }

    /** A bad value is rejected whole with a logged reason: the previous settings stay and the registry keeps working. */
    @Test
    public void aBadValueKeepsThePreviousSettings() throws Exception {
        configure("max.dump.bytes", 10L);
        await().atMost(BOUND).until(() -> admin.status().maxDumpBytes() == 10);
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger("org.devcd.core.internal.osgi.CoredumpRegistryComponent");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            properties.put("max.dumps", 50);
            configure("max.dump.bytes", -5L);
            await().atMost(BOUND).until(() -> warnings.stream().anyMatch(w -> w.startsWith(
                    "rejected configuration of org.devcd.coredump (max.dump.bytes: -5 (expected: >= 0)); keeping")));
        } finally {
            log.removeHandler(capture);
        }

        assertEquals("rejected whole: the valid max.dumps of the same update is not applied either", 1000,
                admin.status().maxDumps());
        assertEquals(10, admin.status().maxDumpBytes());
        Registration tooBig = Probe.driverService(context).dumpv("big", new byte[11]);
        assertEquals(DiscardReason.TOO_LARGE, ((Registration.Discarded) tooBig).reason());
    }

    /** disabled=true is the write-once lockdown: listed dumps go, new ones are discarded, false does not undo it. */
    @Test
    public void disabledIsWriteOnce() throws Exception {
        CoredumpService driver = Probe.driverService(context);
        Probe.dumpv(driver, "before", new byte[1]);

        configure("disabled", true);
        await().atMost(BOUND).until(() -> admin.status().disabled());
        assertTrue(admin.list().isEmpty());
        configure("disabled", false);
        configure("max.dumps", 9);
        await().atMost(BOUND).until(() -> admin.status().maxDumps() == 9);

        assertTrue(admin.status().disabled());
        assertFalse(driver.dumpv("after", new byte[1]).isRegistered());
    }

    private final Dictionary<String, Object> properties = new Hashtable<>();

    /** Sets {@code key} in the accumulated properties and updates the configuration with all of them. */
    private void configure(String key, Object value) throws Exception {
        properties.put(key, value);
        configurationAdmin.getConfiguration("org.devcd.coredump", "?").update(properties);
    }
}
