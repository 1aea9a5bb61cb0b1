package org.devcd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** The devcd Gogo commands, run through the real Gogo runtime against the real registry. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoredumpCommandsIT {
    @Inject
    private BundleContext context;

    private CoredumpService driver;

    @Configuration
    public Option[] config() {
        return new Option[] {DevcdOptions.core()};
    }

    @Before
    public void driverService() {
        driver = Probe.driverService(context);
    }

    /** devcd:list shows each dump with its bundle, device and size. */
    @Test
    public void listShowsEachDump() throws Exception {
        String name = Probe.dumpv(driver, "list0", new byte[12]);

        String out = Probe.gogo(context, "devcd:list");

        assertTrue(out, out.startsWith("NAME"));
        assertTrue(out, out.lines().anyMatch(line -> line.startsWith(name + " ") && line.contains(" PAXEXAM-PROBE")
                && line.contains(" list0 ") && line.contains(" 12 ")));
    }

    /** devcd:read NAME shows the bytes as hex and text. */
    @Test
    public void readPreviewsHexAndText() throws Exception {
        String name = Probe.dumpv(driver, "read0", "kernel panic".getBytes(StandardCharsets.US_ASCII));

        String out = Probe.gogo(context, "devcd:read " + name);

        assertTrue(out, out.startsWith(name + ": 12 bytes from PAXEXAM-PROBE"));
        assertTrue(out, out.contains("00000000  6b 65 72 6e 65 6c 20 70  61 6e 69 63"));
        assertTrue(out, out.contains("|kernel panic|"));
    }

    /** devcd:read NAME FILE writes every byte of a dump larger than one chunk. */
    @Test
    public void readToFileWritesEveryByte() throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        String name = Probe.dumpv(driver, "file0", data);
        Path file = Files.createTempDirectory("devcd").resolve("dump.bin");

        String out = Probe.gogo(context, "devcd:read " + name + " " + file);

        assertEquals(name + ": 200000 bytes written to " + file.toAbsolutePath(), out);
        assertArrayEquals(data, Files.readAllBytes(file));
        assertEquals("gogo: CommandFailure: " + file.toAbsolutePath() + " exists; name a new file",
                Probe.gogoFailure(context, "devcd:read " + name + " " + file));
    }

    /** devcd:dismiss deletes the dump; it is no longer listed. */
    @Test
    public void dismissDeletesTheDump() throws Exception {
        String name = Probe.dumpv(driver, "dismiss0", new byte[4]);

        assertEquals(name + " dismissed", Probe.gogo(context, "devcd:dismiss " + name));
        assertFalse(Probe.gogo(context, "devcd:list").contains(name + " "));
    }

    /** Unknown names fail with one clear line, no stack trace. */
    @Test
    public void unknownNamesFailWithOneLine() throws Exception {
        assertEquals("gogo: CommandFailure: no dump named 'devcd999'", Probe.gogoFailure(context, "devcd:read devcd999"));
        assertEquals("gogo: CommandFailure: no dump named 'devcd999' (or it is being deleted)",
                Probe.gogoFailure(context, "devcd:dismiss devcd999"));
    }

    /**
     * Arguments that fit no command fail with its usage, not with Gogo's "Cannot coerce"; an empty FILE is refused
     * instead of writing somewhere.
     */
    @Test
    public void wrongArgumentsFailWithTheUsage() throws Exception {
        String name = Probe.dumpv(driver, "usage0", new byte[3]);

        assertTrue(Probe.gogoFailure(context, "devcd:read").startsWith("gogo: CommandFailure: usage: devcd:read NAME"));
        assertTrue(Probe.gogoFailure(context, "devcd:read " + name + " a b").startsWith(
                "gogo: CommandFailure: usage: devcd:read NAME [FILE]"));
        assertEquals("gogo: CommandFailure: usage: devcd:dismiss NAME (NAME as devcd:list shows it)",
                Probe.gogoFailure(context, "devcd:dismiss"));
        assertEquals("gogo: CommandFailure: usage: devcd:list (no arguments)",
                Probe.gogoFailure(context, "devcd:list --bogus"));
        assertTrue(Probe.gogoFailure(context, "devcd:disable now").contains("usage: devcd:disable"));
        assertTrue(Probe.gogoFailure(context, "devcd:status all").contains("usage: devcd:status"));
        assertTrue(Probe.gogo(context, "devcd:list").contains(name + " "));
        assertEquals("gogo: CommandFailure: FILE is empty: name the new file to write " + name + " to",
                Probe.gogoFailure(context, "devcd:read " + name + " ''"));
    }

    /** A file in a folder that does not exist: the path and the problem in words. */
    @Test
    public void fileErrorsNameThePathInWords() throws Exception {
        String name = Probe.dumpv(driver, "folder0", new byte[3]);
        Path file = Files.createTempDirectory("devcd").resolve("missing").resolve("dump.bin");

        assertEquals("gogo: CommandFailure: cannot write " + file.toAbsolutePath() + ": no such folder " + file.getParent()
                .toAbsolutePath(), Probe.gogoFailure(context, "devcd:read " + name + " " + file));
    }

    /** Columns stay aligned when a bundle or device name is longer than the header's width. */
    @Test
    public void listColumnsAlignForLongNames() throws Exception {
        Probe.dumpv(driver, "a-device-name-much-longer-than-sixteen-characters", new byte[1]);
        Probe.dumpv(driver, "d1", new byte[100_000]);

        List<String> lines = Probe.gogo(context, "devcd:list").lines().toList();

        int created = lines.get(0).indexOf("CREATED");
        int sizeEnd = lines.get(0).indexOf("SIZE") + "SIZE".length();
        Pattern timestamp = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
        for (String line : lines.subList(1, lines.size())) {
            Matcher first = timestamp.matcher(line);
            assertTrue(line, first.find() && first.start() == created);
            assertTrue(line + " (sizes end under SIZE)", Character.isDigit(line.charAt(sizeEnd - 1))
                    && line.charAt(sizeEnd) == ' ');
        }
    }

    /** devcd:status shows what is held and the limits in force. */
    @Test
    public void statusShowsCountsAndLimits() throws Exception {
        Probe.dumpv(driver, "status0", new byte[7]);

        String out = Probe.gogo(context, "devcd:status");

        assertTrue(out, out.startsWith("coredumps enabled: "));
        assertTrue(out, out.matches("(?s).*since the core started: \\d+ registered, \\d+ discarded, \\d+ removed.*"));
        assertTrue(out, out.contains("limits: timeout PT5M, max dump 67108864 bytes, max 1000 dumps, "
                + "max 268435456 bytes in all, drain timeout PT5S"));
    }
}
