package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.DumpInfo;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/** The sample driver fails on demand and registers a coredump of its device; its dumps go when it stops. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SampleDriverCoredumpIT {
    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.coreAndSampleDriver()};
    }

    /**
     * sample:crash registers a dump of the device's state, with every word typed as the reason; a second crash, typed
     * without a reason, meets the device's first dump.
     */
    @Test
    public void crashRegistersACoredump() throws Exception {
        String out = Probe.gogo(context, "sample:crash disk overheated");

        List<DumpInfo> dumps = admin.list();
        assertEquals(1, dumps.size());
        assertEquals("sample0 crashed: coredump " + dumps.get(0).name(), out);
        assertEquals("org.devcd.driver.sample", dumps.get(0).bundleSymbolicName());
        Path file = Files.createTempDirectory("sample").resolve("dump.txt");
        Probe.gogo(context, "devcd:read " + dumps.get(0).name() + " " + file);
        String state = Files.readString(file);
        assertTrue(state, state.startsWith("device: sample0\ncrash: 1\nreason: disk overheated\n"));
        assertEquals("sample0 crashed: coredump discarded (DEVICE_HAS_DUMP: device 'sample0' already has "
                + dumps.get(0).name() + ")", Probe.gogo(context, "sample:crash"));
    }

    /** Stopping the sample driver takes its dump with it. */
    @Test
    public void stoppingTheDriverRemovesItsDump() throws Exception {
        Probe.gogo(context, "sample:crash overheated");
        assertEquals(1, admin.list().size());

        Bundles.bySymbolicName(context, "org.devcd.driver.sample").stop();

        assertTrue(admin.list().isEmpty());
    }
}
