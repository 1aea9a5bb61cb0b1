package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With devcd's users configured (PID {@code org.devcd.webconsole.users}), a viewer without the role {@code
 * devcd.coredumps.admin} sees the status and the list but no download link and no button; the download and both
 * POST actions refuse them with 403 and the dump stays. A configured admin downloads it, and the Web Console's own
 * {@code admin}/{@code admin} no longer gets in.
 */
class ViewerRoleIT {

    @Test
    void viewerSeesTheListAndIsRefusedEverythingElse(@TempDir Path storage) throws Exception {
        try (DevcdFelix felix = DevcdFelix.start(storage, DevcdFelix.Console.WEB_CONSOLE)) {
            String dump = felix.crash("a viewer must not read this");
            felix.configure(ConsolePackages.WEB_CONSOLE_USERS, "users", new String[] {
                "watcher:" + hash("watch-only") + ":",
                "ops:" + hash("s3cret") + ":" + Roles.ADMIN + ",other.role"});
            ConsoleClient viewer = new ConsoleClient(felix, "watcher", "watch-only");

            String page = viewer.awaitPage().body();
            assertThat(page).contains("<td>" + dump + "</td><td>sample0</td>", "Coredumps enabled: 1 dump(s)",
                    "Contents and actions are for users with the role devcd.coredumps.admin")
                    .doesNotContain("?content=", "Download", "<form method=\"post\"", "Dismiss", "Disable");
            assertThat(viewer.getBytes("?content=" + dump).statusCode()).isEqualTo(403);
            assertThat(viewer.post("action=dismiss&name=" + dump).statusCode()).isEqualTo(403);
            assertThat(viewer.post("action=disable&confirm=true").statusCode()).isEqualTo(403);
            assertThat(viewer.get("").body()).contains("<td>" + dump + "</td>", "Coredumps enabled");
            assertThat(felix.content(dump)).isNotEmpty();

            ConsoleClient admin = new ConsoleClient(felix, "ops", "s3cret");
            assertThat(admin.get("").body()).contains("?content=" + dump + "\">Download</a>");
            assertThat(admin.getBytes("?content=" + dump).body()).isEqualTo(felix.content(dump));
            assertThat(new ConsoleClient(felix, "watcher", "wrong").get("").statusCode()).isEqualTo(401);
            assertThat(new ConsoleClient(felix, "admin", "admin").get("").statusCode()).isEqualTo(401);
        }
    }

    /** @return {@code password} in the Web Console's (and {@link ConfiguredUsers}') format */
    private static String hash(String password) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        return "{sha-256}" + Base64.getEncoder().encodeToString(digest);
    }
}
