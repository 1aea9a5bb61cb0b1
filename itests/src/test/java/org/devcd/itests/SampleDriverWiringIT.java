package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Collection;
import java.util.List;

import javax.inject.Inject;

import org.devcd.testkit.StaleCode;
import org.devcd.testkit.Unloading;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The sample driver imports the release code from the core instead of carrying it, and its DS component starts and
 * stops cleanly under SCR.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SampleDriverWiringIT {
    private static final String DRIVER = "org.devcd.driver.sample";

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.coreAndSampleDriver()};
    }

    /** The driver's org.devcd.release import is wired to org.devcd.core, and the driver jar holds no copy of it. */
    @Test
    public void driverImportsTheReleasePackageFromTheCore() {
        Bundles.assertAllResolved(context);
        Bundle driver = Bundles.bySymbolicName(context, DRIVER);
        List<BundleWire> wires = driver.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package");
        BundleWire release = wires.stream()
                .filter(w -> "org.devcd.release".equals(w.getCapability().getAttributes().get("osgi.wiring.package")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the driver does not import org.devcd.release: " + wires));

        assertEquals("org.devcd.core", release.getProvider().getBundle().getSymbolicName());
        assertNull(driver.getEntry("org/devcd/release/RefCount.class"));
    }

    /**
     * SCR activates the driver's component; stopping the bundle deactivates it and returns; after uninstall and refresh
     * its class loader is collected and no code of it ran (the test kit's assertions, as a plugin author would use them).
     */
    @Test
    public void driverComponentActivatesAndStopsCleanly() throws Exception {
        Bundle driver = Bundles.bySymbolicName(context, DRIVER);
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTOs(driver).iterator().next();
        Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
        assertEquals(1, configurations.size());
        assertEquals(ComponentConfigurationDTO.ACTIVE, configurations.iterator().next().state);

        driver.stop();

        assertEquals(Bundle.RESOLVED, driver.getState());
        assertTrue(scr.getComponentDescriptionDTOs(driver).isEmpty());
        Unloading.assertUnloadsCleanly(context, driver);
        StaleCode.assertNoneAbout(DRIVER);
    }
}
