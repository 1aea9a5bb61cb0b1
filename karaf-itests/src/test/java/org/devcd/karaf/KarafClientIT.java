package org.devcd.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * devcd from a script, through Karaf's own {@code bin/client} over ssh, logged in as the README's users: output is
 * printed, a failure exits non-zero, a viewer is refused what the ACLs keep for admins.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafClientIT {
    private static final Pattern CRASHED = Pattern.compile("sample0 crashed: coredump (devcd\\d+)");

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        return KarafSetup.karaf(true);
    }

    @Test
    public void aScriptSeesOutputAndFailures() throws Exception {
        KarafClient admin = new KarafClient("devcd-admin");
        KarafClient viewer = new KarafClient("devcd-viewer");
        assertSucceeded(admin.batch(KarafSetup.readmeInstallLines()));
        Supplier<List<?>> dumps = KarafSetup.awaitDevcd(context, configurationAdmin);

        KarafClient.Run crash = assertSucceeded(admin.command("sample:crash scripted"));
        Matcher crashed = CRASHED.matcher(crash.output());
        assertTrue(crash.toString(), crashed.find());
        String name = crashed.group(1);

        KarafClient.Run listed = assertSucceeded(viewer.command("devcd:list"));
        assertTrue(listed.toString(), listed.output().startsWith("NAME "));
        assertTrue(listed.toString(), listed.output().contains(name + " "));
        KarafClient.Run status = assertSucceeded(viewer.batch(List.of("devcd:status")));
        assertTrue(status.toString(), status.output().contains("1 registered, 0 discarded, 0 removed"));

        assertFailed(admin.command("devcd:read nosuch"), "no dump named 'nosuch'");
        assertFailed(admin.batch(List.of("devcd:read")), "usage: devcd:read NAME");
        assertFailed(viewer.command("devcd:read " + name), "Command not found");
        assertFailed(viewer.command("sample:crash by-a-viewer"), "Command not found");
        assertEquals(1, dumps.get().size());

        KarafClient.Run read = assertSucceeded(admin.command("devcd:read " + name));
        assertTrue(read.toString(), read.output().contains("|device: sample0.|"));
        KarafClient.Run dismissed = assertSucceeded(admin.batch(List.of("devcd:dismiss " + name, "devcd:list")));
        assertTrue(dismissed.toString(), dismissed.output().startsWith(name + " dismissed"));
        assertTrue(dumps.get().isEmpty());
    }

    /** The leak doctor's feature, as the README installs it: a viewer lists zombies, only an admin may ask why. */
    @Test
    public void theLeakDoctorAnswersAScript() throws Exception {
        KarafClient admin = new KarafClient("devcd-admin");
        KarafClient viewer = new KarafClient("devcd-viewer");
        assertSucceeded(admin.batch(KarafSetup.readmeInstallLines()));
        KarafSetup.awaitDevcd(context, configurationAdmin);
        assertSucceeded(admin.batch(List.of("feature:install devcd-leak-doctor")));
        KarafSetup.awaitService(context, "(objectClass=org.devcd.leakdoctor.monitor.ZombieMonitor)");

        KarafClient.Run zombies = assertSucceeded(viewer.command("devcd:zombies"));
        assertTrue(zombies.toString(), zombies.output().startsWith("no zombie revisions"));
        assertFailed(viewer.command("devcd:why 1"), "Command not found");
        assertFailed(admin.command("devcd:why 1"), "bundle 1 has no zombie revision");
    }

    private static KarafClient.Run assertSucceeded(KarafClient.Run run) {
        assertEquals(run.toString(), 0, run.exitStatus());
        return run;
    }

    private static void assertFailed(KarafClient.Run run, String saying) {
        assertNotEquals(run.toString(), 0, run.exitStatus());
        assertTrue(run.toString(), run.output().contains(saying));
    }
}
