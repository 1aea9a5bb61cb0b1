package org.devcd.itests.leaks.host;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Starts the long-lived host the leak corpus leaks into: the shared executors, the logging configuration from the
 * bundle's {@value LogLevels#HEADER} header, and the service-caching consumer. The itests never stop it; when the
 * framework stops, it undoes everything.
 */
public final class HostActivator implements BundleActivator {
    private ServiceCache consumer;

    @Override
    public void start(BundleContext context) throws InvalidSyntaxException {
        HostExecutors.start();
        HostWhiteboard.start(context);
        LogLevels.configure(context.getBundle().getHeaders().get(LogLevels.HEADER));
        consumer = new ServiceCache(context);
        context.addServiceListener(consumer, ServiceCache.FILTER);
    }

    @Override
    public void stop(BundleContext context) {
        HostWhiteboard.withdrawAll();
        context.removeServiceListener(consumer);
        ServiceCache.clear();
        HostCache.BY_CLASS.clear();
        LogLevels.clear();
        HostExecutors.stop();
    }
}
