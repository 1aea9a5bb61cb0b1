package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.Registration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/**
 * A driver whose code fails or calls back, on the core's real threads (its timer, its {@code devcd-coredump-free}
 * threads, the default 5 s drain bound): what the unit tests check step by step, here with nothing stubbed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DriverFaultsIT {
    /** Well under the 5 s drain bound: a call that waited for itself would take the whole bound. */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.core()};
    }

    /**
     * A free() that throws an Error on the timeout path: the dump is counted removed, and the core's threads live on:
     * the next dump's timeout fires and frees it as well.
     */
    @Test
    public void anErrorFromFreeOnTheTimerPathKillsNothing() throws Exception {
        CoredumpService driver = Probe.driverService(context);
        Probe.Events events = Probe.Events.record(context);
        long removed = admin.counts().removed();
        Source failing = new Source() {
            @Override
            public void free() {
                super.free();
                throw new AssertionError("driver invariant broken in free()");
            }
        };
        String first = ((Registration.Registered) driver.dumpm("fails", failing, Duration.ofMillis(1))).name();
        assertEquals(CoredumpEvents.TOPIC_ADDED, events.next(first).getTopic());
        assertEquals(CoredumpEvents.TOPIC_REMOVED, events.next(first).getTopic());
        assertEquals(1, failing.frees.get());

        Source next = new Source();
        String second = ((Registration.Registered) driver.dumpm("next", next, Duration.ofMillis(1))).name();
        assertEquals(CoredumpEvents.TOPIC_ADDED, events.next(second).getTopic());
        assertEquals(CoredumpEvents.TOPIC_REMOVED, events.next(second).getTopic());
        assertEquals(1, next.frees.get());
        assertEquals(removed + 2, admin.counts().removed());
    }

    /** A read() that dismisses its own dump: the read returns at once, and the dump is freed once, after it. */
    @Test
    public void aReadThatDismissesItsOwnDumpReturnsAtOnce() throws Exception {
        CoredumpService driver = Probe.driverService(context);
        AtomicInteger freesSeenInside = new AtomicInteger(-1);
        Source dismissing = new Source() {
            @Override
            public int read(long offset, ByteBuffer dst) {
                admin.dismiss(admin.list().get(0).name());
                freesSeenInside.set(frees.get());
                return super.read(offset, dst);
            }
        };
        String name = ((Registration.Registered) driver.dumpm("own", dismissing)).name();

        try (DumpReader reader = admin.open(name)) {
            int read = CompletableFuture.supplyAsync(() -> reader.read(0, ByteBuffer.allocate(8)))
                    .get(AT_ONCE.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(8, read);
        }
        assertEquals("not freed under its own read", 0, freesSeenInside.get());
        assertEquals(1, dismissing.frees.get());
        assertTrue(admin.list().isEmpty());
    }

    /** Eight bytes, its frees counted. */
    private static class Source implements DumpSource {
        final AtomicInteger frees = new AtomicInteger();

        @Override
        public long size() {
            return 8;
        }

        @Override
        public int read(long offset, ByteBuffer dst) {
            int count = (int) Math.min(dst.remaining(), 8 - offset);
            dst.position(dst.position() + count);
            return count;
        }

        @Override
        public void free() {
            frees.incrementAndGet();
        }
    }
}
