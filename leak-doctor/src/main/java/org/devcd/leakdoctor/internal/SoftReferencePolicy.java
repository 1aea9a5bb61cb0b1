package org.devcd.leakdoctor.internal;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Whether this JVM's full collections clear soft references. HotSpot keeps a softly reachable object for
 * {@code SoftRefLRUPolicyMSPerMB} milliseconds per free megabyte since it was last used (1000 by default), so a class
 * loader that a library caches through a {@code SoftReference} (Jackson's buffer recycler does) survives any number of
 * full collections and looks leaked, although the JVM frees it under memory pressure. With
 * {@code -XX:SoftRefLRUPolicyMSPerMB=0} a full collection clears every soft reference not used since the one before.
 * Read through the platform MBean server by name, so this bundle needs no {@code com.sun.management} import.
 */
final class SoftReferencePolicy {
    static final String OPTION = "SoftRefLRUPolicyMSPerMB";

    private SoftReferencePolicy() {
    }

    /** @return a sentence for a diagnosis that found no strong path, or "" where collections clear soft references */
    static String hint() {
        String value;
        try {
            Object option = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "getVMOption", new Object[] {OPTION},
                    new String[] {String.class.getName()});
            value = String.valueOf(((CompositeData) option).get("value"));
        } catch (JMException | RuntimeException notHotSpot) {
            return "";
        }
        if ("0".equals(value)) {
            return "";
        }
        return ". This JVM keeps softly reachable objects across full collections (" + OPTION + "=" + value
                + "): a class loader that a library only caches through a SoftReference is not a leak (the JVM frees it"
                + " under memory pressure) but survives these collections; with -XX:" + OPTION + "=0 (in tests, at"
                + " least) collections clear soft references";
    }
}
