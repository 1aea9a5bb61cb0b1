package org.devcd.itests.leaks.corpus;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code mbean} ({@link org.devcd.itests.leaks.LeakKind#MBEAN}): registers an MBean of its own class in the
 * platform MBeanServer and never unregisters it.
 */
public final class MBeanLeak implements BundleActivator {
    /** Where the MBean is registered. */
    public static final String NAME = "org.devcd.itests.leak:type=Leaky";

    @Override
    public void start(BundleContext context) throws JMException {
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(new Leaky(), LeakyMBean.class),
                new ObjectName(NAME));
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is unregisterMBean(new ObjectName(NAME)) here.
    }

    /** The management interface. */
    public interface LeakyMBean {
        /** @return how many things the bundle did */
        long getCount();
    }

    /** The MBean's implementation, of the bundle's class. */
    static final class Leaky implements LeakyMBean {
        @Override
        public long getCount() {
            return 0;
        }
    }
}
