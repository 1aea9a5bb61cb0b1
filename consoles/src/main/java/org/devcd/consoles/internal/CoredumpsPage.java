package org.devcd.consoles.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;

/**
 * The HTML of the page "Device coredumps", the part the Web Console puts between its own header and footer: a status
 * line, the status table, the dumps table and, for admins, the actions. In the Web Console's look: its {@code statline},
 * {@code ui-widget-header buttonGroup} bars and {@code tablesorter nicetable} tables, no script of its own.
 *
 * <p>A viewer sees the same tables without a download link or a button. Disabling takes two steps: the button opens a
 * confirmation ({@code ?confirm=disable}) whose form posts {@code confirm=true}. Every value from the registry is
 * escaped: device names and bundle names come from drivers.
 *
 * <p>Stateless; a pure function of its arguments, so it is tested without a servlet container.
 */
final class CoredumpsPage {
    /** The form field that carries the form token. */
    static final String TOKEN = "token";

    /**
     * What one rendering shows.
     *
     * @param status the registry at a glance
     * @param counts what happened since the core started
     * @param dumps the listed dumps, oldest first
     * @param now the instant ages and times left are counted from
     * @param admin whether the user may read contents and act (see {@link Roles})
     * @param pluginRoot the page's absolute path, where forms post and links point
     * @param confirmDisable whether to show the confirmation of disabling instead of its button
     * @param adminRole the role a viewer is told that contents and actions need
     * @param formToken what every form posts as {@value #TOKEN}, which {@code PageRequests} checks
     */
    record View(CoredumpStatus status, CoredumpCounts counts, List<DumpInfo> dumps, Instant now, boolean admin,
            String pluginRoot, boolean confirmDisable, String adminRole, String formToken) {
    }

    private CoredumpsPage() {
    }

    /** @return the page's content for {@code view} */
    static String render(View view) {
        CoredumpStatus status = view.status();
        StringBuilder html = new StringBuilder();
        html.append("<p class=\"statline\">Coredumps ").append(status.disabled() ? "disabled" : "enabled").append(": ")
                .append(status.dumps()).append(" dump(s), ").append(status.bytes()).append(" bytes held.")
                .append(view.admin() ? "" : " Contents and actions are for users with the role "
                        + escape(view.adminRole()) + ".")
                .append("</p>\n");
        statusTable(html, status, view.counts());
        dumpsTable(html, view);
        if (view.admin() && !status.disabled()) {
            disableBar(html, view);
        }
        return html.toString();
    }

    private static void statusTable(StringBuilder html, CoredumpStatus status, CoredumpCounts counts) {
        html.append("<div class=\"ui-widget-header ui-corner-top buttonGroup\">Status</div>\n")
                .append("<table id=\"devcd-status\" class=\"tablesorter nicetable\">\n<tbody>\n");
        row(html, "Coredumps", status.disabled() ? "disabled for good" : "enabled");
        row(html, "Held", status.dumps() + " dump(s), " + status.bytes() + " bytes");
        row(html, "Since the core started", counts.registered() + " registered, " + counts.discarded()
                + " discarded, " + counts.removed() + " removed");
        row(html, "Caps", status.maxDumpBytes() + " bytes a dump, " + status.maxDumps() + " dumps, "
                + status.maxTotalBytes() + " bytes in all");
        row(html, "Timeouts", "a dump stays " + human(status.defaultTimeout()) + " by default, a deletion waits at most "
                + human(status.drainTimeout()) + " for reads");
        html.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void dumpsTable(StringBuilder html, View view) {
        html.append("<div class=\"ui-widget-header ui-corner-top buttonGroup\">Dumps</div>\n")
                .append("<table id=\"devcd-dumps\" class=\"tablesorter nicetable\">\n<thead><tr><th>Name</th>")
                .append("<th>Device</th><th>Driver bundle</th><th>Size (bytes)</th><th>Age</th><th>Time left</th>")
                .append(view.admin() ? "<th>Actions</th>" : "").append("</tr></thead>\n<tbody>\n");
        if (view.dumps().isEmpty()) {
            html.append("<tr><td colspan=\"").append(view.admin() ? 7 : 6).append("\">no coredumps</td></tr>\n");
        }
        for (DumpInfo dump : view.dumps()) {
            String name = escape(dump.name());
            html.append("<tr class=\"devcd-dump\"><td>").append(name).append("</td><td>").append(escape(dump.device()))
                    .append("</td><td>").append(escape(dump.bundleSymbolicName() + " " + dump.bundleVersion()))
                    .append("</td><td>").append(dump.size()).append("</td><td>")
                    .append(human(Duration.between(dump.created(), view.now()))).append("</td><td>")
                    .append(human(Duration.between(view.now(), dump.deadline()))).append("</td>");
            if (view.admin()) {
                String root = escape(view.pluginRoot());
                html.append("<td><a class=\"devcd-download\" href=\"").append(root).append("?content=").append(name)
                        .append("\">Download</a> <form method=\"post\" action=\"").append(root)
                        .append("\" style=\"display:inline\">").append(tokenField(view))
                        .append("<input type=\"hidden\" name=\"action\" value=\"dismiss\"/>")
                        .append("<input type=\"hidden\" name=\"name\" value=\"").append(name)
                        .append("\"/><input type=\"submit\" class=\"ui-state-default ui-corner-all\" value=\"Dismiss\"/>")
                        .append("</form></td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void disableBar(StringBuilder html, View view) {
        String root = escape(view.pluginRoot());
        html.append("<div class=\"ui-widget-header ui-corner-bottom buttonGroup\">");
        if (view.confirmDisable()) {
            html.append("<form method=\"post\" action=\"").append(root).append("\">Disable coredumps for good? The ")
                    .append(view.dumps().size()).append(" listed dump(s) are deleted and new ones discarded; this ")
                    .append("cannot be undone. ").append(tokenField(view))
                    .append("<input type=\"hidden\" name=\"action\" value=\"disable\"/>")
                    .append("<input type=\"hidden\" name=\"confirm\" value=\"true\"/>")
                    .append("<input type=\"submit\" class=\"ui-state-default ui-corner-all\" value=\"Disable\"/> ")
                    .append("<a href=\"").append(root).append("\">Cancel</a></form>");
        } else {
            html.append("<form method=\"get\" action=\"").append(root).append("\">")
                    .append("<input type=\"hidden\" name=\"confirm\" value=\"disable\"/>")
                    .append("<input type=\"submit\" class=\"ui-state-default ui-corner-all\" ")
                    .append("value=\"Disable coredumps...\"/></form>");
        }
        html.append("</div>\n");
    }

    private static String tokenField(View view) {
        return "<input type=\"hidden\" name=\"" + TOKEN + "\" value=\"" + escape(view.formToken())
                + "\"/>";
    }

    /** @return {@code duration} as the largest two units, e.g. {@code 4m 59s}; {@code 0s} for nothing or less */
    static String human(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long[] amounts = {seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60};
        String[] units = {"d", "h", "m", "s"};
        int first = 0;
        while (first < 3 && amounts[first] == 0) {
            first++;
        }
        return amounts[first] + units[first] + (first < 3 && amounts[first + 1] > 0
                ? " " + amounts[first + 1] + units[first + 1] : "");
    }

    /** @return {@code text} safe inside an HTML element and a double-quoted attribute */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
