package org.devcd.leakdoctor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * This module's unit tests run on HotSpot's default soft reference policy (no {@code -XX:SoftRefLRUPolicyMSPerMB} in
 * their argLine): a diagnosis without a strong path then names the option. The itests run with it set to 0, where
 * {@code LeakCorpusIT} checks that the hint is absent.
 */
class SoftReferencePolicyTest {

    @Test
    void theDefaultPolicyIsNamedWithTheOptionToSet() {
        assertThat(SoftReferencePolicy.hint()).contains("(SoftRefLRUPolicyMSPerMB=1000)")
                .endsWith("with -XX:SoftRefLRUPolicyMSPerMB=0 (in tests, at least) collections clear soft references");
    }
}
