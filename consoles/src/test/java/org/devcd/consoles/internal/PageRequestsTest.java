package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.junit.jupiter.api.Test;

/**
 * What the page answers, whichever console carries it, without a servlet container: the roles, the form token, and a
 * download whose driver fails before or after the first bytes went out. The real consoles are in the ITs.
 */
class PageRequestsTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private final Admin admin = new Admin();
    private final PageRequests page = new PageRequests(admin, "the.role");

    @Test
    void aViewerReadsNothingAndChangesNothing() throws IOException {
        admin.dumps.put("devcd1", new byte[10]);

        Exchange download = new Exchange(false).with("content", "devcd1");
        assertThat(page.download(download)).isTrue();
        assertThat(download.error).isEqualTo("403 reading a dump needs the role the.role");
        assertThat(admin.opened).isZero();

        Exchange dismiss = new Exchange(false).with("action", "dismiss").with("name", "devcd1").with("token", "x");
        page.act(dismiss);
        assertThat(dismiss.error).isEqualTo("403 acting on dumps needs the role the.role");
        assertThat(admin.dumps).containsKey("devcd1");

        Exchange view = new Exchange(false);
        page.render(view);
        assertThat(view.text.toString()).contains("for users with the role the.role").doesNotContain("token");
    }

    @Test
    void anAdminActsOnlyWithThePagesToken() throws IOException {
        admin.dumps.put("devcd1", new byte[10]);
        String token = tokenOf(page);

        for (String forged : Arrays.asList(null, "", "forged", token + "x")) {
            Exchange post = new Exchange(true).with("action", "dismiss").with("name", "devcd1").with("token", forged);
            page.act(post);
            assertThat(post.error).as("token %s", forged).startsWith("403 the form token is missing or stale");
        }
        assertThat(admin.dumps).containsKey("devcd1");
        assertThat(tokenOf(new PageRequests(admin, "the.role"))).as("drawn anew for each page").isNotEqualTo(token);

        Exchange bad = new Exchange(true).with("action", "disable").with("token", token);
        page.act(bad);
        assertThat(bad.error).isEqualTo("400 action: 'disable' (expected: dismiss with a name, or disable with "
                + "confirm=true)");
        assertThat(admin.disabled).isFalse();

        Exchange dismiss = new Exchange(true).with("action", "dismiss").with("name", "devcd1").with("token", token);
        page.act(dismiss);
        assertThat(dismiss.status).isEqualTo(303);
        assertThat(dismiss.headers).containsEntry("Location", "/console/devcd-coredumps");
        assertThat(admin.dumps).doesNotContainKey("devcd1");
    }

    @Test
    void aDownloadStreamsTheWholeDumpInChunks() throws IOException {
        byte[] content = new byte[200_000];
        Arrays.fill(content, (byte) 7);
        admin.dumps.put("devcd2", content);

        Exchange download = new Exchange(true).with("content", "devcd2");
        assertThat(page.download(download)).isTrue();
        assertThat(download.body.toByteArray()).isEqualTo(content);
        assertThat(download.contentType).as("set as the content type: the Web Console 5 then leaves the response to the "
                + "plugin").isEqualTo("application/octet-stream");
        assertThat(download.headers).containsEntry("Content-Length", "200000")
                .containsEntry("Content-Disposition", "attachment; filename=\"devcd2.bin\"");
        assertThat(admin.reads).as("four chunks of at most 64 KiB, then the end").isEqualTo(5);
        assertThat(page.download(new Exchange(true))).as("no content asked: the page itself").isFalse();
    }

    @Test
    void aDumpThatIsGoneIsA404() throws IOException {
        Exchange download = new Exchange(true).with("content", "devcd9");
        page.download(download);
        assertThat(download.error).isEqualTo("404 no dump named 'devcd9'");
    }

    /** Nothing was sent yet: the response is reset and the driver's failure becomes a 500 with its reason. */
    @Test
    void aDriverThatFailsFirstGivesA500WithTheReason() throws IOException {
        admin.dumps.put("devcd3", new byte[10]);
        admin.failAfterReads = 0;

        Exchange download = new Exchange(true).with("content", "devcd3");
        page.download(download);
        assertThat(download.reset).isTrue();
        assertThat(download.error).isEqualTo("500 driver failed: disk gone");
        assertThat(download.body.size()).isZero();
    }

    /** Bytes went out: the response can only be cut short, and the failure says how far it got. */
    @Test
    void aDriverThatFailsLaterCutsTheDownloadShort() {
        admin.dumps.put("devcd4", new byte[200_000]);
        admin.failAfterReads = 1;

        Exchange download = new Exchange(true).with("content", "devcd4");
        assertThatThrownBy(() -> page.download(download)).isInstanceOf(IOException.class)
                .hasMessage("dump devcd4 failed after 65536 bytes").hasCauseInstanceOf(DumpReadException.class);
        assertThat(download.body.size()).isEqualTo(65_536);
        assertThat(download.reset).isFalse();
    }

    private static String tokenOf(PageRequests page) throws IOException {
        Exchange view = new Exchange(true);
        page.render(view);
        Matcher token = TOKEN.matcher(view.text.toString());
        assertThat(token.find()).as(view.text.toString()).isTrue();
        return token.group(1);
    }

    /** A request and its response, recorded. */
    private static final class Exchange implements PageExchange {
        final boolean admin;
        final Map<String, String> parameters = new HashMap<>();
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final StringWriter text = new StringWriter();
        int status = 200;
        String contentType;
        String error;
        boolean reset;

        Exchange(boolean admin) {
            this.admin = admin;
        }

        Exchange with(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        @Override
        public String parameter(String name) {
            return parameters.get(name);
        }

        @Override
        public boolean admin() {
            return admin;
        }

        @Override
        public String pluginRoot() {
            return "/console/devcd-coredumps";
        }

        @Override
        public void status(int code) {
            status = code;
        }

        @Override
        public void header(String name, String value) {
            headers.put(name, value);
        }

        @Override
        public void contentType(String type) {
            contentType = type;
        }

        @Override
        public OutputStream body() {
            return body;
        }

        @Override
        public Writer writer() {
            return text;
        }

        @Override
        public void reset() {
            reset = true;
            headers.clear();
        }

        @Override
        public void sendError(int code, String message) {
            error = code + " " + message;
        }
    }

    /** Dumps by name, each read through a reader that may fail after a given count of reads. */
    private static final class Admin implements CoredumpAdmin {
        final Map<String, byte[]> dumps = new HashMap<>();
        int failAfterReads = -1;
        int opened;
        int reads;
        boolean disabled;

        @Override
        public List<DumpInfo> list() {
            List<DumpInfo> infos = new ArrayList<>();
            dumps.forEach((name, content) -> infos.add(info(name, content)));
            return infos;
        }

        private static DumpInfo info(String name, byte[] content) {
            Instant now = Instant.parse("2026-11-30T10:00:00Z");
            return new DumpInfo(name, "org.example.disk", "1.0.0", "sda", content.length, now, now.plusSeconds(300));
        }

        @Override
        public DumpReader open(String name) {
            byte[] content = dumps.get(name);
            if (content == null) {
                throw new NoSuchDumpException("no dump named '" + name + "'");
            }
            opened++;
            return new DumpReader() {
                @Override
                public DumpInfo info() {
                    return Admin.info(name, content);
                }

                @Override
                public int read(long offset, ByteBuffer dst) {
                    if (reads++ == failAfterReads) {
                        throw new DumpReadException("driver failed: disk gone", new IOException("disk gone"));
                    }
                    if (offset >= content.length) {
                        return -1;
                    }
                    int count = (int) Math.min(dst.remaining(), content.length - offset);
                    dst.put(content, (int) offset, count);
                    return count;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public boolean dismiss(String name) {
            return dumps.remove(name) != null;
        }

        @Override
        public boolean disable() {
            disabled = true;
            return true;
        }

        @Override
        public CoredumpStatus status() {
            return new CoredumpStatus(disabled, dumps.size(), 0, 0, Duration.ofMinutes(5), 1, 1, 1,
                    Duration.ofSeconds(5));
        }

        @Override
        public CoredumpCounts counts() {
            return new CoredumpCounts(0, 0, 0);
        }
    }
}
