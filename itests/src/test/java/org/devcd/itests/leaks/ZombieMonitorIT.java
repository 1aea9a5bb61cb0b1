package org.devcd.itests.leaks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.devcd.itests.DevcdOptions;
import org.devcd.itests.Probe;
import org.devcd.leakdoctor.GcWitness;
import org.devcd.leakdoctor.monitor.ZombieEvents;
import org.devcd.leakdoctor.monitor.ZombieMonitor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;

/**
 * The zombie monitor where operators look, on a real Felix with the real Felix Health Check runtime, Event Admin and
 * Gogo: a bundle that leaks becomes a zombie after three full collections, is announced once on Event Admin, turns the
 * health check to WARN, shows in {@code devcd:zombies}, and {@code devcd:why} names the culprit; once the culprit lets
 * go, everything is back to OK.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ZombieMonitorIT {
    private static final String CHECK = "devcd zombie revisions";

    @Inject
    private BundleContext context;

    @Inject
    private ZombieMonitor monitor;

    @Inject
    private HealthCheckExecutor healthChecks;

    @Configuration
    public Option[] config() throws IOException {
        return new Option[] {Corpus.options(),
            DevcdOptions.runtimeBundle("jakarta.servlet-api"), DevcdOptions.runtimeBundle("org.osgi.service.servlet"),
            DevcdOptions.runtimeBundle("org.apache.felix.healthcheck.api"),
            DevcdOptions.runtimeBundle("org.apache.felix.healthcheck.core")};
    }

    @Test
    public void aLeakIsAZombieInEveryConsoleUntilItsCulpritLetsGo() throws Exception {
        assertEquals(Result.Status.OK, zombieCheck().getStatus());
        assertTrue(Probe.gogo(context, "devcd:zombies").startsWith("no zombie revisions"));

        try (ZombieEventsSeen events = new ZombieEventsSeen(context)) {
            Corpus.Uninstalled leaked = Corpus.runAndUninstall(context, LeakKind.STATIC_CACHE, "zombie:static-cache");
            String revision = LeakKind.STATIC_CACHE.symbolicName() + " [" + leaked.bundleId() + "] rev 0";
            // The test asks for the collections; the monitor only counts them.
            assertFalse(GcWitness.await(leaked.loader(), 3, Duration.ofSeconds(30)).collected());

            Event announced = events.awaitCollecting(leaked.bundleId(), leaked.loader());
            assertEquals(revision, announced.getProperty(ZombieEvents.REVISION_NAME));
            assertEquals(List.of(revision), monitor.zombies().stream().map(z -> z.revisionName()).toList());

            Result warning = zombieCheck();
            assertEquals(Result.Status.WARN, warning.getStatus());
            String messages = java.util.stream.StreamSupport.stream(warning.spliterator(), false)
                    .map(entry -> entry.getStatus() + " " + entry.getMessage()).toList().toString();
            assertTrue(messages, messages.contains("WARN zombie revision " + revision));

            String listed = Probe.gogo(context, "devcd:zombies");
            assertTrue(listed, listed.startsWith(revision + " (version 1.0.0): removed "));
            String why = Probe.gogo(context, "devcd:why " + leaked.bundleId());
            assertTrue(why, why.contains("GC root: static field org.devcd.itests.leaks.host.HostCache.BY_CLASS"));
            assertTrue(why, why.contains("heap dump "));
            String refused = Probe.gogoFailure(context, "devcd:why 99999");
            assertEquals("gogo: CommandFailure: bundle 99999 has no zombie revision (devcd:zombies lists them)",
                    refused);
            assertEquals("gogo: CommandFailure: usage: devcd:why BUNDLE-ID (the number devcd:zombies shows in "
                    + "brackets)", Probe.gogoFailure(context, "devcd:why abc"));

            LeakUndo.undo(LeakKind.STATIC_CACHE, leaked.loader(), Corpus.host(context));
            assertTrue(GcWitness.await(leaked.loader(), 3, Duration.ofSeconds(30)).collected());
            assertTrue(monitor.zombies().isEmpty());
            assertEquals(Result.Status.OK, zombieCheck().getStatus());
        }
    }

    /**
     * Runs the checks tagged devcd, as the HC runtime's servlet or Gogo command would, and returns the monitor's. Now,
     * not from the executor's result cache (2 s by default), which would still show the state before.
     */
    private Result zombieCheck() {
        List<HealthCheckExecutionResult> results = healthChecks.execute(HealthCheckSelector.tags("devcd"),
                new HealthCheckExecutionOptions().setForceInstantExecution(true));
        return results.stream().filter(r -> CHECK.equals(r.getHealthCheckMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no health check '" + CHECK + "' among " + results))
                .getHealthCheckResult();
    }
}
