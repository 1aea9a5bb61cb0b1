package org.devcd.consoles.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.devcd.webconsole.users}: the Web Console users {@link ConfiguredUsers} knows. */
@ObjectClassDefinition(id = ConsolePackages.WEB_CONSOLE_USERS, name = "devcd Web Console users",
        description = "Web Console users with devcd's roles. While configured, these users replace the Web Console's "
                + "own single admin user.")
@interface UsersConfig {

    @AttributeDefinition(name = "Users", description = "One user each: NAME:{sha-256}BASE64:ROLES, where BASE64 is the "
            + "Base64 of the SHA-256 of the UTF-8 password (the Web Console's own password format) and ROLES is a "
            + "comma-separated list, empty for a viewer; devcd.coredumps.admin may read contents and act on dumps.")
    String[] users() default {};

    @AttributeDefinition(name = "Ranking", description = "The provider's service.ranking. The Web Console asks the "
            + "highest-ranked security provider; its own ranks Integer.MIN_VALUE.")
    int service_ranking() default 0;
}
