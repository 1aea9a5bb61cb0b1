package org.devcd.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.Registration;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** In-container helpers of the coredump itests: the probe's own driver service, Gogo, and an event recorder. */
public final class Probe {
    private Probe() {
    }

    /** The probe bundle's own (bundle-scoped) driver service. */
    static CoredumpService driverService(BundleContext context) {
        ServiceReference<CoredumpService> reference = context.getServiceReference(CoredumpService.class);
        if (reference == null) {
            throw new AssertionError("no CoredumpService registered");
        }
        return context.getService(reference);
    }

    /** Registers {@code data} and returns the dump's name, failing if it was discarded. */
    static String dumpv(CoredumpService service, String device, byte[] data) {
        Registration registration = service.dumpv(device, data);
        if (!(registration instanceof Registration.Registered registered)) {
            throw new AssertionError("discarded: " + registration);
        }
        return registered.name();
    }

    /**
     * Runs a Gogo command line as a script would and returns what it printed to the session's console (without the
     * last line break); a command that returns a value instead of printing it fails the test, as it would print
     * nothing through Karaf's client.
     */
    public static String gogo(BundleContext context, String commandLine) throws Exception {
        ServiceReference<CommandProcessor> reference = context.getServiceReference(CommandProcessor.class);
        CommandProcessor processor = context.getService(reference);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(commandLine);
            if (result != null) {
                throw new AssertionError(commandLine + " returned " + result + " instead of printing it");
            }
            return out.toString(StandardCharsets.UTF_8).stripTrailing();
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Runs a command line that must fail, and returns the failure as Gogo's shell shows it: {@code gogo: }, the
     * exception's simple class name, {@code : } and its message.
     */
    public static String gogoFailure(BundleContext context, String commandLine) throws Exception {
        try {
            String printed = gogo(context, commandLine);
            throw new AssertionError(commandLine + " succeeded and printed: " + printed);
        } catch (RuntimeException failure) {
            return "gogo: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
    }

    /** Records the coredump events, in the order EventAdmin delivers them. */
    static final class Events implements EventHandler {
        private final List<Event> unread = new ArrayList<>();

        static Events record(BundleContext context) {
            Events events = new Events();
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(EventConstants.EVENT_TOPIC, "org/devcd/coredump/*");
            context.registerService(EventHandler.class, events, properties);
            return events;
        }

        @Override
        public synchronized void handleEvent(Event event) {
            unread.add(event);
            notifyAll();
        }

        /** Takes the first unread event about dump {@code name}; events about other dumps stay unread. Fails after 10 s. */
        synchronized Event next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (;;) {
                for (Iterator<Event> it = unread.iterator(); it.hasNext(); ) {
                    Event event = it.next();
                    if (name.equals(event.getProperty(CoredumpEvents.NAME))) {
                        it.remove();
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no event about " + name + " within 10 s; unread: " + unread);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
