package org.devcd.demo;

import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.apache.felix.service.command.CommandProcessor;
import org.devcd.coredump.CoredumpAdmin;
import org.devcd.testkit.race.DmBuiltinRace;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demonstration the launcher runs: a coredump's life, then the dm-builtin race with the naive driver and with
 * devcd's. Prints a timeline per scenario and one verdict line each; returns 0 when devcd behaved and the naive driver
 * failed as predicted.
 *
 * <p>A service with {@code devcd.demo=true} under two {@code java.*} types, so the launcher outside the framework can
 * call it: {@code Function<PrintStream, Integer>}, which prints everything to the stream it is given, and
 * {@code Callable<Integer>}, which prints to {@code System.out}.
 *
 * <p>The race is {@link DmBuiltinRace}, the same ten steps {@code DmBuiltinRaceIT} asserts.
 */
@Component(service = {Function.class, Callable.class}, property = "devcd.demo=true")
public final class Demo implements Function<PrintStream, Integer>, Callable<Integer> {
    private final BundleContext context;
    private final CoredumpAdmin admin;
    private final ConfigurationAdmin configurationAdmin;
    private final CommandProcessor gogo;

    @Activate
    public Demo(BundleContext context, @Reference CoredumpAdmin admin, @Reference ConfigurationAdmin configurationAdmin,
            @Reference CommandProcessor gogo) {
        this.context = context;
        this.admin = admin;
        this.configurationAdmin = configurationAdmin;
        this.gogo = gogo;
    }

    /** Runs the demonstration, printing to {@code System.out}. */
    @Override
    public Integer call() throws Exception {
        return run(System.out);
    }

    /** Runs the demonstration, printing to {@code out}. */
    @Override
    public Integer apply(PrintStream out) {
        try {
            return run(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the demonstration was interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the demonstration failed: " + e, e);
        }
    }

    private int run(PrintStream out) throws Exception {
        List<String> verdicts = new ArrayList<>();
        boolean behaved = true;

        out.println();
        out.println("== 1. A coredump's life ==");
        String problem = new CoredumpLife(context, admin, configurationAdmin, gogo).play(out);
        verdicts.add((problem == null ? "PASS" : "FAIL") + "  coredump life: "
                + (problem == null ? "registered, announced, listed, read, dismissed, expired, removed with its driver, "
                        + "disabled" : problem));
        behaved &= problem == null;

        out.println();
        out.println("== 2. The dm-builtin race, naive driver (release method in the driver) ==");
        out.println("This one is meant to crash: the demonstration passes when it does.");
        Played naive = race("org.devcd.driver.naive", "naive0", out);
        Throwable crash = naive.outcome() == null ? null : naive.outcome().failure();
        boolean naiveFailedAsPredicted = crash instanceof NoClassDefFoundError
                && String.valueOf(crash.getCause()).contains("is no longer valid");
        verdicts.add((naiveFailedAsPredicted ? "PASS" : "FAIL") + "  naive driver: " + (naiveFailedAsPredicted
                ? "crashed, as expected (dm-builtin.c predicts it): its release method ran on after its bundle was "
                        + "gone: " + crash + " (" + crash.getCause().getMessage() + ")"
                : naive.brokenStep() != null ? "the race did not go as choreographed: " + naive.brokenStep()
                        : "expected a NoClassDefFoundError from its dead bundle wiring, got "
                                + (crash == null ? "no failure" : crash)));
        behaved &= naiveFailedAsPredicted;

        out.println();
        out.println("== 3. The dm-builtin race, devcd driver (release method in the core) ==");
        Played devcd = race("org.devcd.driver.sample", "sample0", out);
        boolean devcdFinished = devcd.outcome() != null && devcd.outcome().failure() == null;
        int rounds = devcdFinished ? collect(devcd.outcome().driverLoader()) : -1;
        boolean devcdClean = devcdFinished && rounds > 0;
        verdicts.add((devcdClean ? "PASS" : "FAIL") + "  devcd driver: " + (devcdClean
                ? "nothing of it ran after its stop; its class loader was collected after " + rounds + " GC round(s)"
                : devcd.brokenStep() != null ? "the race did not go as choreographed: " + devcd.brokenStep()
                : !devcdFinished ? "the holder's thread failed: " + devcd.outcome().failure()
                : "its class loader is still reachable"));
        behaved &= devcdClean;

        out.println();
        out.println("== Verdicts ==");
        verdicts.forEach(out::println);
        return behaved ? 0 : 1;
    }

    /** One race and how it went: the outcome of step 10, or the step that did not happen (the other is null). */
    private record Played(DmBuiltinRace.Outcome outcome, AssertionError brokenStep) {
    }

    /** Plays the race on one driver and prints its timeline, also (as far as it got) when a step did not happen. */
    private Played race(String symbolicName, String objectName, PrintStream out) throws Exception {
        Timeline timeline = new Timeline("driver's thread (stops " + symbolicName + ")",
                "holder's thread (another bundle)");
        try {
            return new Played(DmBuiltinRace.play(context, symbolicName, objectName, (side, step) -> {
                if (side == DmBuiltinRace.Side.DRIVER) {
                    timeline.left(step);
                } else {
                    timeline.right(step);
                }
            }), null);
        } catch (AssertionError brokenStep) {
            return new Played(null, brokenStep);
        } finally {
            timeline.print(out);
        }
    }

    /**
     * Runs GC rounds 50 ms apart until {@code loader} is cleared, at most 10 s; returns the rounds, or -1. (The test
     * kit's {@code Unloading.awaitCollected} decides with witnessed full collections and diagnoses a failure through the
     * leak doctor; the demo carries only the race package of the test kit, and its loader is collected at once.)
     */
    private static int collect(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int round = 1; round <= 200; round++) {
            System.gc();
            if (loader.get() == null) {
                return round;
            }
            Thread.sleep(50); // a polling interval, not a hand-off: reference processing runs on its own thread
        }
        return -1;
    }
}
