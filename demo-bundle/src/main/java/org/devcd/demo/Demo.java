package org.devcd.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.felix.service.command.CommandProcessor;
import org.devcd.coredump.CoredumpAdmin;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demonstration the launcher runs ({@code Callable} service with {@code devcd.demo=true}; {@code java.*} types, so
 * the launcher outside the framework can call it): a coredump's life, then the dm-builtin race with the naive driver and
 * with devcd's. Prints a timeline per scenario and one verdict line each; returns 0 when devcd behaved and the naive
 * driver failed as predicted.
 */
@Component(service = Callable.class, property = "devcd.demo=true")
public final class Demo implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<String> verdicts = new ArrayList<>();
        boolean behaved = true;

        out.println();
        out.println("== 1. A coredump's life ==");
        String problem = new CoredumpLife(context, admin, configurationAdmin, gogo).play(out);
        verdicts.add((problem == null ? "PASS" : "FAIL") + "  coredump life: "
                + (problem == null ? "registered, announced, listed, read, dismissed, expired, removed with its driver, "
                        + "disabled" : problem));
        behaved &= problem == null;

        Race race = new Race(context);
        out.println();
        out.println("== 2. The dm-builtin race, naive driver (release method in the driver) ==");
        Race.Outcome naive = race.play("org.devcd.driver.naive", "naive0", out);
        boolean naiveFailedAsPredicted = naive.failure() instanceof NoClassDefFoundError
                && String.valueOf(naive.failure().getCause()).contains("is no longer valid");
        verdicts.add((naiveFailedAsPredicted ? "PASS" : "FAIL") + "  naive driver: "
                + (naiveFailedAsPredicted ? "failed exactly as dm-builtin.c predicts: " + naive.failure() + " ("
                        + naive.failure().getCause().getMessage() + ")" : "did not fail as predicted: " + naive.failure()));
        behaved &= naiveFailedAsPredicted;

        out.println();
        out.println("== 3. The dm-builtin race, devcd driver (release method in the core) ==");
        Race.Outcome devcd = race.play("org.devcd.driver.sample", "sample0", out);
        int rounds = devcd.failure() == null ? Race.collect(devcd.driverLoader()) : -1;
        boolean devcdClean = devcd.failure() == null && rounds > 0;
        verdicts.add((devcdClean ? "PASS" : "FAIL") + "  devcd driver: " + (devcdClean
                ? "nothing of it ran after its stop; its class loader was collected after " + rounds + " GC round(s)"
                : devcd.failure() != null ? "the foreign thread failed: " + devcd.failure()
                        : "its class loader is still reachable"));
        behaved &= devcdClean;

        out.println();
        out.println("== Verdicts ==");
        verdicts.forEach(out::println);
        return behaved ? 0 : 1;
    }
}
