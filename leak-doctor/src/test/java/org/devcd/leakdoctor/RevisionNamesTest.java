package org.devcd.leakdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;

/** Revision names from what Felix's revisions say of themselves, without a framework. */
class RevisionNamesTest {

    @Test
    void felix7NamesItsRevisionsAtTheEndOfToString() {
        assertThat(RevisionNames.of(revision("org.acme.foo", 42, "org.acme.foo [42](R 42.3)")))
                .isEqualTo("org.acme.foo [42] rev 3");
        assertThat(RevisionNames.of(revision("org.acme.foo", 42, "42.0"))).isEqualTo("org.acme.foo [42] rev 0");
    }

    @Test
    void anotherBundlesNumberOrNoNumberIsUnknown() {
        assertThat(RevisionNames.of(revision("org.acme.foo", 42, "org.acme.foo [42](R 7.1)")))
                .isEqualTo("org.acme.foo [42] rev ?");
        assertThat(RevisionNames.of(revision("org.acme.v1.2", 42, "org.acme.v1.2_1.0.0 [42]")))
                .isEqualTo("org.acme.v1.2 [42] rev ?");
    }

    private static BundleRevision revision(String symbolicName, long bundleId, String text) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> bundleId;
                    case "toString" -> symbolicName + " [" + bundleId + "]";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (BundleRevision) Proxy.newProxyInstance(BundleRevision.class.getClassLoader(),
                new Class<?>[] {BundleRevision.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getSymbolicName" -> symbolicName;
                    case "toString" -> text;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
