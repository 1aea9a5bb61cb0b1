package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;

import org.devcd.coredump.RemovalReason;
import org.junit.jupiter.api.Test;

/** What leaving the list gives back at once, and what a stopping core drops quietly. */
class UnlistingTest extends RegistryFixture {

    /** The budget comes back when the dump leaves the list, not when its slow free() returns. */
    @Test
    void theBudgetIsGivenBackWhenTheDumpLeavesTheList() throws Exception {
        registry.configure(new RegistryConfig(Duration.ofMinutes(5), 1 << 20, 1, 4 << 20, Duration.ofSeconds(30)));
        TestSource slow = new TestSource(16).blockFree();
        register(disk, "sda", slow);
        Threads.Running<Boolean> dismiss = Threads.start("dismiss", () -> registry.dismiss("devcd1"));
        slow.freeEntered.await();

        assertThat(registry.status().dumps()).isZero();
        assertThat(registry.status().bytes()).isZero();
        TestSource next = new TestSource(1);
        assertThat(disk.dumpm("sdb", next).isRegistered()).as("maxDumps 1 is free again").isTrue();

        slow.freeRelease.countDown();
        assertThat(dismiss.join()).isTrue();
    }

    /** An event queued after the event thread stopped is dropped with a DEBUG line, never an exception. */
    @Test
    void eventsAfterShutdownAreDroppedQuietly() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        Announcer announcer = new Announcer(stopped, events);
        register(disk, "sda", new TestSource(1));
        Dump dump = dump(disk, "devcd1");
        try (LogCapture debug = new LogCapture(Level.FINE)) {
            announcer.added(dump);
            announcer.removed(dump, RemovalReason.SHUTDOWN);

            assertThat(debug.at(Level.FINE)).containsExactly(
                    "event of devcd1 dropped: the coredump registry is shut down",
                    "event of devcd1 dropped: the coredump registry is shut down");
        }
    }
}
