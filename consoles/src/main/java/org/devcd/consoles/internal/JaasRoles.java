package org.devcd.consoles.internal;

import java.security.Principal;

import javax.security.auth.Subject;

/**
 * Roles as Karaf's login gives them. Karaf's Web Console authenticates against its JAAS realm ({@code karaf}) and
 * leaves the {@link Subject} in the request attribute {@code karaf.subject.runas}; the subject's roles are its
 * principals of class {@value #ROLE_PRINCIPAL}, the roles of {@code etc/users.properties} and its groups. Its
 * security provider authorizes every role to whoever logged in, so the page asks the subject itself.
 *
 * <p>The page's admin role in Karaf is {@value #KARAF_ADMIN}, the role devcd's command ACLs ask of {@code devcd:read},
 * {@code devcd:dismiss} and {@code devcd:disable}. By default only that role gets into Karaf's console at all (its
 * {@code role} in PID {@code org.apache.karaf.webconsole}); with {@code role=viewer} there, viewers get in and see the
 * list without contents or buttons.
 */
final class JaasRoles {
    /** The role that may read contents and act on dumps in Karaf: the one devcd's shell ACLs name. */
    static final String KARAF_ADMIN = "admin";
    /** Karaf's class of role principals, named so that this bundle needs no Karaf package. */
    static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    private JaasRoles() {
    }

    /** @return whether {@code user} is a {@link Subject} with a Karaf role principal named {@code role} */
    static boolean holds(Object user, String role) {
        if (!(user instanceof Subject subject)) {
            return false;
        }
        for (Principal principal : subject.getPrincipals()) {
            if (principal.getClass().getName().equals(ROLE_PRINCIPAL) && principal.getName().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
