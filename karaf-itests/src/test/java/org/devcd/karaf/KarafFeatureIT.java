package org.devcd.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.devcd.coredump.CoredumpAdmin;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A stock Apache Karaf 4.4.10 distribution installs the devcd features; the sample driver registers a dump; Karaf's own
 * shell lists, reads and dismisses dumps; uninstalling the driver takes its dumps with it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafFeatureIT {
    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        String pax = "etc/org.ops4j.pax.url.mvn.cfg";
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(System.getProperty("devcd.karaf.distribution")).toURI().toString())
                    .karafVersion("4.4.10")
                    .name("Apache Karaf")
                    .unpackDirectory(new File(System.getProperty("devcd.exam.dir")))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // Nothing from the network: Karaf's system folder, devcd's staged artifacts, and the local repository.
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.localRepository", System.getProperty("devcd.m2")),
            editConfigurationFilePut(pax, "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots, file:"
                            + System.getProperty("devcd.karaf.repo") + "@id=devcd@snapshots"),
            vmOptions(
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
                    "--add-opens", "java.base/java.security=ALL-UNNAMED",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                    "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                    "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED"),
            features("mvn:org.devcd/features/" + System.getProperty("devcd.version") + "/xml/features",
                    "devcd-sample")
        };
    }

    /** The driver's dump is listed, read and dismissed through Karaf's shell; uninstalling the driver removes its dumps. */
    @Test
    public void shellCommandsAndDriverUninstall() throws Exception {
        String crashed = execute("sample:crash karaf");
        assertTrue(crashed, crashed.startsWith("sample0 crashed: coredump devcd"));
        String name = crashed.substring(crashed.lastIndexOf(' ') + 1).strip();

        assertTrue(execute("devcd:list"), execute("devcd:list").contains(name));
        assertTrue(execute("devcd:read " + name).contains("|device: sample0.|"));
        assertEquals(name + " dismissed", execute("devcd:dismiss " + name).strip());
        assertTrue(admin.list().isEmpty());

        execute("sample:crash again");
        assertEquals(1, admin.list().size());
        for (Bundle bundle : context.getBundles()) {
            if ("org.devcd.driver.sample".equals(bundle.getSymbolicName())) {
                bundle.uninstall();
            }
        }
        assertTrue(admin.list().isEmpty());
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            return result != null ? result.toString() : out.toString(StandardCharsets.UTF_8);
        } finally {
            session.close();
        }
    }
}
