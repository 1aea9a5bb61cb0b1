package org.devcd.leakdoctor.heap.internal;

import java.util.Optional;

import shark.HeapField;
import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;
import shark.ValueHolder;

/**
 * Names class loaders as a reader of a leak report knows them: an Apache Felix bundle class loader by its bundle
 * ({@code bundle org.acme.foo [42] rev 0}), read from its fields in the heap dump; any other loader by its name
 * ({@code ClassLoader.name}, Java 9 and later) and class, or by its class and object id when it has no name.
 *
 * <p>Felix 7.0.5: {@code BundleWiringImpl$BundleClassLoader.m_wiring} is the loader's {@code BundleWiringImpl}, whose
 * {@code m_revision} is the {@code BundleRevisionImpl} with {@code m_symbolicName} and {@code m_id}, the revision id
 * {@code "<bundle id>.<revision>"} ({@code "42.0"}). All three fields are final and survive uninstall and refresh, so a
 * stale loader still names its bundle.
 *
 * <p>Stateless and thread-safe.
 */
final class LoaderNames {
    private static final String BUNDLE_CLASS_LOADER = "org.apache.felix.framework.BundleWiringImpl$BundleClassLoader";
    private static final String BUNDLE_WIRING = "org.apache.felix.framework.BundleWiringImpl";
    private static final String BUNDLE_REVISION = "org.apache.felix.framework.BundleRevisionImpl";
    /** The JDK's application and platform class loaders: their classes need no owner named. */
    private static final String JDK_LOADERS = "jdk.internal.loader.ClassLoaders$";

    private LoaderNames() {
    }

    /**
     * Returns a class loader as the target or a link of a chain: {@code class loader of bundle org.acme.foo [42] rev 0},
     * {@code class loader 'plugins' (java.net.URLClassLoader)} or {@code class loader java.net.URLClassLoader @7f3a10}.
     */
    static String describe(HeapInstance loader) {
        return "class loader " + bundleOf(loader).map(bundle -> "of " + bundle).orElseGet(() -> plainName(loader));
    }

    /**
     * Returns who defined {@code heapClass}, when that is not the JDK: {@code bundle org.acme.foo [42] rev 0} or
     * {@code class loader 'plugins' (java.net.URLClassLoader)}; empty for the boot, platform and application loaders.
     */
    static Optional<String> definerOf(HeapClass heapClass) {
        long loaderId = heapClass.readRecord().getClassLoaderId();
        if (loaderId == ValueHolder.NULL_REFERENCE) {
            return Optional.empty();
        }
        HeapObject loader = heapClass.getGraph().findObjectByIdOrNull(loaderId);
        if (!(loader instanceof HeapInstance instance) || instance.getInstanceClassName().startsWith(JDK_LOADERS)) {
            return Optional.empty();
        }
        return Optional.of(bundleOf(instance).orElseGet(() -> "class loader " + plainName(instance)));
    }

    /** Returns whether {@code instance} is a class loader. */
    static boolean isLoader(HeapInstance instance) {
        return instance.instanceOf("java.lang.ClassLoader");
    }

    private static Optional<String> bundleOf(HeapInstance loader) {
        if (!loader.instanceOf(BUNDLE_CLASS_LOADER)) {
            return Optional.empty();
        }
        return field(loader, BUNDLE_CLASS_LOADER, "m_wiring")
                .flatMap(wiring -> field(wiring, BUNDLE_WIRING, "m_revision"))
                .flatMap(LoaderNames::bundleOfRevision);
    }

    private static Optional<String> bundleOfRevision(HeapInstance revision) {
        String symbolicName = string(revision, BUNDLE_REVISION, "m_symbolicName");
        String revisionId = string(revision, BUNDLE_REVISION, "m_id");
        if (revisionId == null) {
            return Optional.empty();
        }
        int dot = revisionId.indexOf('.');
        String bundleId = dot < 0 ? revisionId : revisionId.substring(0, dot);
        String revisionNumber = dot < 0 ? "0" : revisionId.substring(dot + 1);
        return Optional.of("bundle " + (symbolicName == null ? "" : symbolicName + " ") + "[" + bundleId + "] rev "
                + revisionNumber);
    }

    private static String plainName(HeapInstance loader) {
        String name = string(loader, "java.lang.ClassLoader", "name");
        return name != null
                ? "'" + name + "' (" + loader.getInstanceClassName() + ")"
                : loader.getInstanceClassName() + " @" + Long.toHexString(loader.getPositiveObjectId());
    }

    private static Optional<HeapInstance> field(HeapInstance instance, String declaringClass, String name) {
        HeapField field = instance.readField(declaringClass, name);
        return field == null ? Optional.empty() : Optional.ofNullable(field.getValueAsInstance());
    }

    private static String string(HeapInstance instance, String declaringClass, String name) {
        HeapField field = instance.readField(declaringClass, name);
        return field == null ? null : field.getValue().readAsJavaString();
    }
}
