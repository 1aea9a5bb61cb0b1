package org.devcd.consoles.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A Web Console security provider with devcd's roles: HTTP basic authentication against the users of configuration
 * {@code org.devcd.webconsole.users}, each with the roles configured for it (see {@link Roles}). The Web Console's own
 * provider has one user, authorized for everything; this one lets a deployer add viewers, who may log in and see the
 * page, but not read contents or act.
 *
 * <p>Only while configured (and while the Web Console is there, see {@link ConsolePackages}); while registered it
 * outranks the Web Console's own provider, so its users are the only ones: list the admins too. Passwords are kept as
 * the Web Console keeps its own, {@code {sha-256}} and the Base64 of the SHA-256 of the UTF-8 password.
 *
 * <p>Thread-safety: immutable after activation; requests authenticate concurrently.
 */
@Component(name = ConsolePackages.WEB_CONSOLE_USERS, enabled = false, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = UsersConfig.class)
public final class ConfiguredUsers implements SecurityProvider {
    private static final String HASH_PREFIX = "{sha-256}";
    private static final String EXPECTED = "(expected: NAME:{sha-256}BASE64:ROLES)";
    /** The Web Console's own realm, so a browser keeps one login for the whole console. */
    private static final String REALM = "OSGi Management Console";
    /** The attributes of {@code ServletContextHelper}, named here so this class needs no HTTP service API. */
    private static final String AUTHENTICATION_TYPE = "org.osgi.service.http.authentication.type";
    private static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";

    /** An authenticated user: what {@link #authenticate} returns and the Web Console hands back to {@link #authorize}. */
    record ConsoleUser(String name, Set<String> roles) {
    }

    private record Entry(byte[] passwordHash, ConsoleUser user) {
    }

    private final Map<String, Entry> users = new HashMap<>();

    /** @throws IllegalArgumentException naming the first entry that is not {@code NAME:{sha-256}BASE64:ROLES} */
    @Activate
    public ConfiguredUsers(UsersConfig config) {
        String[] entries = config.users();
        for (int i = 0; i < entries.length; i++) {
            String[] parts = entries[i].split(":", -1);
            if (parts.length != 3 || parts[0].isBlank() || !parts[1].startsWith(HASH_PREFIX)) {
                throw new IllegalArgumentException("users[" + i + "]: '" + entries[i] + "' " + EXPECTED);
            }
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(parts[1].substring(HASH_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("users[" + i + "]: '" + parts[1] + "' is not Base64 " + EXPECTED);
            }
            Set<String> roles = parts[2].isBlank() ? Set.of() : Set.of(parts[2].trim().split("\\s*,\\s*"));
            users.put(parts[0], new Entry(hash, new ConsoleUser(parts[0], roles)));
        }
    }

    /**
     * @return the {@link ConsoleUser} whose name and password the request's basic credentials give, or null after
     *         asking the client for credentials (401)
     */
    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String credentials = decode(header.substring(6).trim());
            int colon = credentials.indexOf(':');
            Entry entry = colon < 0 ? null : users.get(credentials.substring(0, colon));
            if (entry != null && MessageDigest.isEqual(entry.passwordHash(), sha256(credentials.substring(colon + 1)))) {
                request.setAttribute(AUTHENTICATION_TYPE, HttpServletRequest.BASIC_AUTH);
                request.setAttribute(REMOTE_USER, entry.user().name());
                return entry.user();
            }
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentLength(0);
        return null;
    }

    /** @return whether {@code user} (a {@link ConsoleUser} from {@link #authenticate}) was configured with {@code role} */
    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof ConsoleUser consoleUser && consoleUser.roles().contains(role);
    }

    /** Nothing to forget: basic authentication keeps no state here; the Web Console asks the browser to forget. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
