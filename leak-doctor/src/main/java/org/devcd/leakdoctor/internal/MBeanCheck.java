package org.devcd.leakdoctor.internal;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.devcd.leakdoctor.Culprit.Kind;

/**
 * {@link Kind#MBEAN}: MBeans whose class loader, as {@code MBeanServer.getClassLoaderFor} says, belongs to the loader,
 * or whose implementation class (the MBean's class name; for a {@code javax.management.StandardMBean} wrapper, whose
 * own loader is the JDK's, the wrapped object's class) the loader defined, in every MBeanServer created through {@code MBeanServerFactory} (the platform one among them once anything asked for
 * it; this check never creates it). Public API: needs no opening.
 */
public final class MBeanCheck implements Check {

    @Override
    public String subject() {
        return "MBeans";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) {
        for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
            for (ObjectName name : server.queryNames(null, null)) {
                try {
                    String className = server.getObjectInstance(name).getClassName();
                    if (ownership.owns(server.getClassLoaderFor(name)) || ownership.definesClassNamed(className)) {
                        findings.add(Kind.MBEAN, "MBean " + name.getCanonicalName() + " (" + className
                                + ") is registered in the MBeanServer of default domain \""
                                + server.getDefaultDomain() + "\"");
                    }
                } catch (InstanceNotFoundException e) {
                    // Unregistered since queryNames: it holds nothing any more.
                }
            }
        }
    }
}
