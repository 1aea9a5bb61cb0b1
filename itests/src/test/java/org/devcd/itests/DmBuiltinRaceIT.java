package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.List;

import javax.inject.Inject;

import org.devcd.release.debug.ReleaseDebug;
import org.devcd.testkit.StaleCode;
import org.devcd.testkit.StaleCodeReport;
import org.devcd.testkit.Unloading;
import org.devcd.testkit.race.DmBuiltinRace;
import org.devcd.testkit.race.DmBuiltinRace.Outcome;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/**
 * The ten steps of {@code dm-builtin.c} (numbered as in {@code docs/kernel-lessons.md#dm-builtin}), deterministic, in a
 * real Felix, once per driver variant. A foreign thread holds the last reference; the driver stops and waits; the
 * foreign thread releases and is held right after {@code complete()}; the driver finishes stopping, is uninstalled and
 * the framework refreshed; the foreign thread resumes. The steps are the test kit's {@link DmBuiltinRace}, which fails
 * any step that does not happen in time; the launcher's demonstration plays the same code.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DmBuiltinRaceIT {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        // The opt-in of release debugging, set before the framework starts: this test alone arms a preemption point.
        return new Option[] {DevcdOptions.coreAndBothDrivers(), systemProperty(ReleaseDebug.PROPERTY).value("true")};
    }

    @After
    public void disarm() {
        ReleaseDebug.off();
    }

    /** Naive: the resumed thread returns into the uninstalled driver and fails exactly as Felix fails dead wirings. */
    @Test
    public void naiveDriverFailsAsTheKernelCommentPredicts() throws Exception {
        Throwable failure = playTheTenSteps("org.devcd.driver.naive", "naive0").failure();

        assertTrue("expected NoClassDefFoundError, got " + failure, failure instanceof NoClassDefFoundError);
        assertEquals("org/devcd/driver/naive/ReleaseLog", failure.getMessage());
        assertTrue(String.valueOf(failure.getCause()), failure.getCause() instanceof ClassNotFoundException);
        assertEquals("Unable to load class 'org.devcd.driver.naive.ReleaseLog' because the bundle wiring for "
                + "org.devcd.driver.naive is no longer valid.", failure.getCause().getMessage());
    }

    /** The stale-code detector catches the naive driver by itself: the foreign thread returned into its release. */
    @Test
    public void detectorReportsTheNaiveDriver() throws Exception {
        playTheTenSteps("org.devcd.driver.naive", "naive0");

        List<StaleCodeReport> reports = StaleCode.reportsAbout("org.devcd.driver.naive");
        assertFalse("no report about the naive driver", reports.isEmpty());
        StaleCodeReport first = reports.get(0);
        assertEquals(DmBuiltinRace.HOLDER_THREAD, first.thread());
        assertEquals("org.devcd.driver.naive.NaiveObject.release", first.at());
        assertEquals(first.toString(), "UNINSTALLED", first.death()); // the driver was uninstalled, not refreshed
        assertEquals("thread 'foreign-holder' ran org.devcd.driver.naive.NaiveObject.release of "
                + "org.devcd.driver.naive [" + first.bundleId() + "] after it was UNINSTALLED", first.toString());
    }

    /** devcd: the resumed thread finishes in core code, and the driver's class loader is collected. */
    @Test
    public void devcdDriverUnloadsCleanly() throws Exception {
        Outcome outcome = playTheTenSteps("org.devcd.driver.sample", "sample0");

        assertNull("the foreign thread failed: " + outcome.failure(), outcome.failure());
        StaleCode.assertNoneAbout("org.devcd.driver.sample");
        int rounds = Unloading.awaitCollected(outcome.driverLoader(), "org.devcd.driver.sample");
        System.out.println("loader of org.devcd.driver.sample collected after " + rounds + " GC round(s)");
    }

    /** The test kit's race, narrated to the probe's output (failsafe-reports) for whoever reads a failure. */
    private Outcome playTheTenSteps(String symbolicName, String objectName) throws Exception {
        return DmBuiltinRace.play(context, symbolicName, objectName,
                (side, step) -> System.out.printf("%-6s %s%n", side, step));
    }
}
