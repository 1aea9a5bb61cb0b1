package org.devcd.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpEvents;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * A coredump's life, through the same surfaces an admin uses: the sample driver crashes (registration), EventAdmin
 * announces it, the Gogo commands list, read and dismiss it, a short configured timeout expires one, a driver stop takes
 * one with it, and the write-once disable discards the next.
 */
final class CoredumpLife {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    private final BundleContext context;
    private final CoredumpAdmin admin;
    private final ConfigurationAdmin configurationAdmin;
    private final CommandProcessor gogo;
    private final Events events = new Events();

    CoredumpLife(BundleContext context, CoredumpAdmin admin, ConfigurationAdmin configurationAdmin,
            CommandProcessor gogo) {
        this.context = context;
        this.admin = admin;
        this.configurationAdmin = configurationAdmin;
        this.gogo = gogo;
    }

    /** @return null if every step went as devcd promises, else what went wrong */
    String play(PrintStream out) throws Exception {
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "org/devcd/coredump/*");
        context.registerService(EventHandler.class, events, topics);
        Timeline timeline = new Timeline("driver org.devcd.driver.sample", "admin (Gogo) and event consumer");

        String crash = gogo("sample:crash overheated");
        timeline.left("sample:crash overheated -> " + crash);
        String name = crash.substring(crash.lastIndexOf(' ') + 1);
        Event added = events.next(EVENT_WAIT);
        timeline.right(Events.describe(added));
        timeline.right("devcd:list -> " + gogo("devcd:list").lines().skip(1).findFirst().orElse("(empty)")
                .replaceAll(" +", " "));
        timeline.right("devcd:read " + name + " -> " + gogo("devcd:read " + name).lines().skip(1).findFirst()
                .orElse("(empty)").replaceAll(" +", " "));
        timeline.right("devcd:dismiss " + name + " -> " + gogo("devcd:dismiss " + name));
        Event dismissed = events.next(EVENT_WAIT);
        timeline.right(Events.describe(dismissed));

        configure("timeout.seconds", 1L);
        timeline.right("config org.devcd.coredump timeout.seconds=1");
        long until = System.nanoTime() + EVENT_WAIT.toNanos();
        while (!admin.status().defaultTimeout().equals(Duration.ofSeconds(1)) && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
        String expiring = gogo("sample:crash again");
        timeline.left("sample:crash again -> " + expiring);
        events.next(EVENT_WAIT); // its ADDED
        Event expired = events.next(EVENT_WAIT);
        timeline.right(Events.describe(expired) + " (1 s later)");

        configure("timeout.seconds", 300L);
        String kept = gogo("sample:crash third");
        timeline.left("sample:crash third -> " + kept);
        events.next(EVENT_WAIT); // its ADDED
        Bundle driver = find("org.devcd.driver.sample");
        driver.stop();
        timeline.left("stop org.devcd.driver.sample");
        Event stopped = events.next(EVENT_WAIT);
        timeline.right(Events.describe(stopped));
        driver.start();
        timeline.left("start org.devcd.driver.sample");

        timeline.right("devcd:disable -> " + gogo("devcd:disable"));
        String discarded = gogo("sample:crash fourth");
        timeline.left("sample:crash fourth -> " + discarded);
        timeline.print(out);

        if (added == null || !CoredumpEvents.TOPIC_ADDED.equals(added.getTopic())) {
            return "no ADDED event for " + name;
        }
        if (!hasReason(dismissed, "DISMISSED") || !hasReason(expired, "TIMEOUT") || !hasReason(stopped,
                "DRIVER_STOPPED")) {
            return "a REMOVED event is missing or has the wrong reason";
        }
        if (!discarded.contains("discarded (DISABLED")) {
            return "a crash after disable was not discarded: " + discarded;
        }
        return admin.list().isEmpty() ? null : "dumps left behind: " + admin.list();
    }

    private static boolean hasReason(Event event, String reason) {
        return event != null && CoredumpEvents.TOPIC_REMOVED.equals(event.getTopic())
                && Objects.equals(reason, event.getProperty(CoredumpEvents.REASON));
    }

    private String gogo(String commandLine) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
                CommandSession session = gogo.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(commandLine);
            return result != null ? result.toString() : printed.toString(StandardCharsets.UTF_8).strip();
        }
    }

    private void configure(String key, Object value) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(key, value);
        configurationAdmin.getConfiguration("org.devcd.coredump", "?").update(properties);
    }

    private Bundle find(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException(symbolicName + " is not installed");
    }
}
