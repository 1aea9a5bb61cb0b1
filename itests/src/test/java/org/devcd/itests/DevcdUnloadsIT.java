package org.devcd.itests;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.devcd.testkit.Unloading;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * devcd's own long-lived bundles pass the test they are made for: uninstalled and refreshed (an update of devcd, say),
 * the core with its registry threads, its timer and a dump it held, and the zombie monitor with its listeners on the
 * collectors, leave nothing behind: their class loaders are collected. This probe names no devcd API type, so it is
 * not wired to the bundles it uninstalls; it drives them by service properties and reflection.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DevcdUnloadsIT {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.coreAndSampleDriver(), DevcdOptions.zombieMonitor(),
            CoreOptions.cleanCaches()};
    }

    /** The core, after it held a dump, armed its timer and ran its threads: its class loader is collected. */
    @Test
    public void theCoreUnloadsCleanly() throws Exception {
        crashTheSampleDevice();
        assertEquals("the core holds the sample device's dump", 1, listedDumps());
        Bundle driver = bundle("org.devcd.driver.sample");
        driver.uninstall();
        Unloading.refresh(context, driver);
        bundle("org.devcd.leakdoctor.monitor").uninstall();

        int collections = Unloading.assertUnloadsCleanly(context, bundle("org.devcd.core"));

        System.out.println("org.devcd.core collected after " + collections + " full collection(s)");
    }

    /** The zombie monitor, with its collector listeners and its weak references to every removed revision. */
    @Test
    public void theZombieMonitorUnloadsCleanly() throws Exception {
        int collections = Unloading.assertUnloadsCleanly(context, bundle("org.devcd.leakdoctor.monitor"));

        System.out.println("org.devcd.leakdoctor.monitor collected after " + collections + " full collection(s)");
    }

    /** Runs {@code sample:crash} through the command's service object, as Gogo would. */
    private void crashTheSampleDevice() throws Exception {
        call("(osgi.command.scope=sample)", "crash", "before the core goes");
    }

    /** @return how many dumps {@code CoredumpAdmin.list()} shows */
    private int listedDumps() throws Exception {
        return ((List<?>) call("(objectClass=org.devcd.coredump.CoredumpAdmin)", "list")).size();
    }

    /** Calls {@code method} with string {@code arguments} on the one service that matches {@code filter}. */
    private Object call(String filter, String method, String... arguments) throws Exception {
        ServiceReference<?>[] references = context.getServiceReferences((String) null, filter);
        assertEquals(filter, 1, references.length);
        Object service = context.getService(references[0]);
        try {
            Class<?>[] types = new Class<?>[arguments.length];
            Arrays.fill(types, String.class);
            Method target = service.getClass().getMethod(method, types);
            target.setAccessible(true);
            return target.invoke(service, (Object[]) arguments);
        } finally {
            context.ungetService(references[0]);
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
