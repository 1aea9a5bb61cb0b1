package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;

import javax.inject.Inject;

import org.devcd.release.Completion;
import org.devcd.release.RefCount;
import org.devcd.release.ReleaseAction;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/** The core bundle, installed from its built jar into Felix, resolves and is the only home of the release code. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreBundleSmokeIT {
    private static final String CORE = "org.devcd.core";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.core()};
    }

    /** Every provisioned bundle, the core included, resolves and starts. */
    @Test
    public void everyBundleIsActive() {
        Bundles.assertAllResolved(context);
        assertEquals(Bundle.ACTIVE, Bundles.bySymbolicName(context, CORE).getState());
    }

    /** The core exports org.devcd.release at the version its package-info declares. */
    @Test
    public void coreExportsTheReleasePackage() {
        BundleWiring wiring = Bundles.bySymbolicName(context, CORE).adapt(BundleWiring.class);
        BundleCapability export = wiring.getCapabilities("osgi.wiring.package").stream()
                .filter(c -> "org.devcd.release".equals(c.getAttributes().get("osgi.wiring.package")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("org.devcd.release is not exported by " + CORE));
        assertEquals(new Version(1, 0, 0), export.getAttributes().get("version"));
    }

    /** The release action a RefCount runs is a class of the core bundle's class loader, as is RefCount itself. */
    @Test
    public void releaseActionIsLoadedByTheCoreBundle() throws Exception {
        ClassLoader coreLoader = Bundles.bySymbolicName(context, CORE).adapt(BundleWiring.class).getClassLoader();
        assertNotNull(coreLoader);

        Completion released = new Completion();
        ReleaseAction action = ReleaseAction.complete(released);
        RefCount ref = new RefCount(action);

        assertSame(coreLoader, action.getClass().getClassLoader());
        assertSame(coreLoader, RefCount.class.getClassLoader());
        assertEquals(true, ref.release());
        assertEquals(true, released.isDone());
    }
}
