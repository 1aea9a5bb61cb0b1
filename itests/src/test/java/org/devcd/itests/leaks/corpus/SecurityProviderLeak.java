package org.devcd.itests.leaks.corpus;

import java.security.Provider;
import java.security.Security;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code security-provider} ({@link org.devcd.itests.leaks.LeakKind#SECURITY_PROVIDER}): installs a
 * {@link Provider} of its own class in {@link Security} and never removes it.
 */
public final class SecurityProviderLeak implements BundleActivator {
    /** The provider's name. */
    public static final String PROVIDER = "DevcdLeakProvider";

    @Override
    public void start(BundleContext context) {
        Security.addProvider(new LeakProvider());
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is Security.removeProvider(PROVIDER) here.
    }

    /** A provider of no algorithms, as bundles that embed Bouncy Castle install one of many. */
    static final class LeakProvider extends Provider {
        private static final long serialVersionUID = 1L;

        LeakProvider() {
            super(PROVIDER, "1.0", "devcd leak corpus: a provider its bundle never removes");
        }
    }
}
