package org.devcd.leakdoctor.internal;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collection;

import org.devcd.leakdoctor.Culprit.Kind;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@link Kind#SERVICE}: services registered by other bundles that still hold the loader's objects, the whiteboard
 * leak: a bundle hands its listener to a long-lived one, which registers it as a service of its own and never
 * unregisters it. Found in a service's property values (an object, class, array or collection element of the loader)
 * and in the service object of a singleton-scope service (not a factory, so {@code getService} creates nothing: it
 * counts one use, which {@code ungetService} takes back at once). A consumer that keeps a service object in a field of
 * its own is out of this check's sight; the heap path names that field.
 *
 * <p>Runs only inside an OSGi framework (the leak doctor's own bundle context); elsewhere it finds nothing.
 */
public final class ServiceCheck implements Check {
    private static final boolean IN_OSGI = osgiPresent();

    @Override
    public String subject() {
        return "services";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) {
        if (IN_OSGI) {
            inspectServices(ownership, findings);
        }
    }

    private static void inspectServices(Ownership ownership, Findings findings) {
        Bundle self = FrameworkUtil.getBundle(ServiceCheck.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        if (context == null) {
            return; // not loaded by a bundle, or the leak doctor's bundle is not active
        }
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(null, null);
        } catch (InvalidSyntaxException impossible) { // no filter given
            throw new IllegalStateException(impossible);
        }
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            for (String key : reference.getPropertyKeys()) {
                Object held = owned(ownership, reference.getProperty(key));
                if (held != null) {
                    findings.add(Kind.SERVICE, describe(reference) + " has property '" + key + "' holding "
                            + ownership.name(held));
                }
            }
            if (Constants.SCOPE_SINGLETON.equals(reference.getProperty(Constants.SERVICE_SCOPE))) {
                inspectObject(context, reference, ownership, findings);
            }
        }
    }

    private static void inspectObject(BundleContext context, ServiceReference<?> reference, Ownership ownership,
            Findings findings) {
        Object service = context.getService(reference);
        try {
            if (ownership.owns(service)) {
                findings.add(Kind.SERVICE, describe(reference) + " is " + ownership.name(service));
            }
        } finally {
            if (service != null) {
                context.ungetService(reference);
            }
        }
    }

    private static String describe(ServiceReference<?> reference) {
        Bundle registrant = reference.getBundle();
        return "service " + Arrays.toString((String[]) reference.getProperty(Constants.OBJECTCLASS)) + " [service.id "
                + reference.getProperty(Constants.SERVICE_ID) + "] registered by bundle "
                + (registrant == null ? "(gone)" : registrant.getSymbolicName() + " [" + registrant.getBundleId()
                        + "]");
    }

    /** @return {@code value} or the first element of it that belongs to the loader, or null */
    private static Object owned(Ownership ownership, Object value) {
        if (ownership.owns(value)) {
            return value;
        }
        if (value instanceof Collection<?> elements) {
            return elements.stream().filter(ownership::owns).findFirst().orElse(null);
        }
        if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                if (ownership.owns(Array.get(value, i))) {
                    return Array.get(value, i);
                }
            }
        }
        return null;
    }

    /** Whether the OSGi framework API is visible: inside a bundle it is; on a plain class path it may not be. */
    private static boolean osgiPresent() {
        try {
            Class.forName("org.osgi.framework.FrameworkUtil", false, ServiceCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
