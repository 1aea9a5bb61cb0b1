package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;
import org.junit.jupiter.api.Test;

/** The page's HTML as admins and viewers see it, without a servlet container. */
class CoredumpsPageTest {
    private static final Instant NOW = Instant.parse("2026-11-30T08:20:00Z");
    private static final CoredumpStatus STATUS = new CoredumpStatus(false, 1, 93, 1, Duration.ofMinutes(5),
            67_108_864, 1000, 268_435_456, Duration.ofSeconds(5));
    private static final DumpInfo DUMP = new DumpInfo("devcd1", "org.example.<disk>", "1.0.0", "sda\"><script>", 93,
            NOW.minusSeconds(61), NOW.plusSeconds(239));

    private static String render(boolean admin, boolean confirm) {
        return CoredumpsPage.render(new CoredumpsPage.View(STATUS, new CoredumpCounts(1, 0, 0), List.of(DUMP), NOW,
                admin, "/system/console/devcd-coredumps", confirm, Roles.ADMIN, admin ? "t0k&n" : ""));
    }

    @Test
    void adminSeesStatusDumpAgeTimeLeftAndActions() {
        assertThat(render(true, false)).contains("Coredumps enabled: 1 dump(s), 93 bytes held.</p>",
                "<table id=\"devcd-dumps\" class=\"tablesorter nicetable\">",
                "<tr><th>Caps</th><td>67108864 bytes a dump, 1000 dumps, 268435456 bytes in all</td></tr>",
                "a dump stays 5m by default, a deletion waits at most 5s for reads",
                "<td>1m 1s</td><td>3m 59s</td>", "href=\"/system/console/devcd-coredumps?content=devcd1\">Download</a>",
                "value=\"Dismiss\"", "value=\"Disable coredumps...\"").doesNotContain("Disable coredumps for good?");
    }

    @Test
    void viewerSeesTheListWithoutLinksOrButtons() {
        assertThat(render(false, true)).contains("<td>devcd1</td>", "role devcd.coredumps.admin")
                .doesNotContain("<form", "?content=", "Actions", "Disable");
    }

    @Test
    void confirmationPostsConfirmTrue() {
        assertThat(render(true, true)).contains("Disable coredumps for good? The 1 listed dump(s) are deleted",
                "name=\"action\" value=\"disable\"", "name=\"confirm\" value=\"true\"");
    }

    /** Every form posts the token, escaped like any value. */
    @Test
    void everyFormCarriesTheToken() {
        String token = "<input type=\"hidden\" name=\"token\" value=\"t0k&amp;n\"/>";
        assertThat(render(true, false).split(token, -1)).hasSize(2);
        assertThat(render(true, true).split(token, -1)).hasSize(3);
        assertThat(render(true, true).split("<form method=\"post\"", -1)).hasSize(3);
    }

    @Test
    void driverGivenNamesAreEscaped() {
        assertThat(render(true, false)).contains("sda&quot;&gt;&lt;script&gt;", "org.example.&lt;disk&gt; 1.0.0")
                .doesNotContain("<script>", "<disk>");
    }

    @Test
    void durationsShowTheTwoLargestUnits() {
        assertThat(CoredumpsPage.human(Duration.ofSeconds(-3))).isEqualTo("0s");
        assertThat(CoredumpsPage.human(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(CoredumpsPage.human(Duration.ofHours(2).plusSeconds(5))).isEqualTo("2h");
        assertThat(CoredumpsPage.human(Duration.ofDays(365).plusHours(3))).isEqualTo("365d 3h");
    }
}
