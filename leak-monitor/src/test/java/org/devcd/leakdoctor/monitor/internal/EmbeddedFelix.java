package org.devcd.leakdoctor.monitor.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/** A real Felix framework on a temporary storage, with bundles made of a manifest alone. */
final class EmbeddedFelix implements AutoCloseable {
    private final Framework framework;

    EmbeddedFelix(Path storage) throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Installs and starts an empty bundle called {@code symbolicName}: resolved, so it has a class loader. */
    Bundle start(String symbolicName) throws Exception {
        Bundle bundle = context().installBundle("test:" + symbolicName, new ByteArrayInputStream(jar(symbolicName)));
        bundle.start();
        return bundle;
    }

    /** Updates {@code bundle} to a new revision of the same empty bundle. */
    void update(Bundle bundle) throws Exception {
        bundle.update(new ByteArrayInputStream(jar(bundle.getSymbolicName())));
    }

    /** Refreshes {@code bundles} and waits, at most 10 s, until the framework says it is done. */
    void refresh(Bundle... bundles) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundles), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        if (!refreshed.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the refresh did not finish within 10 s");
        }
    }

    private static byte[] jar(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.2.3");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }
}
