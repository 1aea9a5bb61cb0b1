package org.devcd.leakdoctor.internal;

import java.security.Provider;
import java.security.Security;

import org.devcd.leakdoctor.Culprit.Kind;

/**
 * {@link Kind#SECURITY_PROVIDER}: providers installed in {@code java.security.Security} whose class belongs to the
 * loader, by provider name. Public API: needs no opening.
 */
public final class SecurityProviderCheck implements Check {

    @Override
    public String subject() {
        return "security providers";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) {
        for (Provider provider : Security.getProviders()) {
            if (ownership.owns(provider)) {
                findings.add(Kind.SECURITY_PROVIDER, "security provider \"" + provider.getName() + "\" ("
                        + ownership.name(provider) + ") is installed in java.security.Security");
            }
        }
    }
}
