package org.devcd.consoles.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.felix.webconsole.servlet.User;

/**
 * The Web Console role devcd checks, and how a request is checked for it. Whoever the Web Console lets in may view the
 * page (status and list: no dump content); only a user the Web Console's security provider authorizes for {@link
 * #ADMIN} may download a dump's content, dismiss a dump or disable coredumps, as with {@code devcd:read},
 * {@code devcd:dismiss} and {@code devcd:disable} in Karaf's shell.
 *
 * <p>The Web Console's own provider (one user, {@code admin}/{@code admin} unless configured) authorizes every role;
 * {@link ConfiguredUsers} gives its users the roles configured for them.
 */
final class Roles {
    /** The role that may read contents and act on dumps. */
    static final String ADMIN = "devcd.coredumps.admin";

    private Roles() {
    }

    /**
     * @return whether the Web Console authenticated the request's user and its security provider authorizes that user
     *         for {@link #ADMIN}; false for a request without a user (the Web Console sets one for every request it
     *         lets in)
     */
    static boolean isAdmin(HttpServletRequest request) {
        return request.getAttribute(User.USER_ATTRIBUTE) instanceof User user && user.authorize(ADMIN);
    }
}
