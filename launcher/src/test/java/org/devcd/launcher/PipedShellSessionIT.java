package org.devcd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** The shell of the launcher jar, its commands piped in: the devcd commands are there from the first line. */
class PipedShellSessionIT {

    /**
     * devcd:list, sample:crash, devcd:read, devcd:zombies and stop 0 piped into a fresh shell: each answers, exit 0
     * within 60 s.
     */
    @Test
    void pipedCommandsFindTheDevcdCommands() throws Exception {
        Path storage = Path.of("target", "it-storage", "piped-shell").toAbsolutePath();
        Storage.delete(storage);
        LauncherProcess launcher = LauncherProcess.start(storage, "shell");
        // All at once, before the shell is up: the launcher starts the shell only once the commands are registered.
        launcher.type("devcd:list\nsample:crash piped\ndevcd:list\ndevcd:read devcd1\ndevcd:zombies\nstop 0\n");
        Integer status = launcher.awaitExit(60);
        String out = launcher.output();
        System.out.println(out);

        assertThat(status).as(out).isZero();
        assertThat(out).doesNotContain("Command not found")
                .contains("no coredumps", "sample0 crashed: coredump devcd1", "devcd1: 90 bytes from"
                        + " org.devcd.driver.sample", "|device: sample0.|", "no zombie revisions")
                .containsPattern("devcd1\\s+org\\.devcd\\.driver\\.sample");
        assertThat(out.indexOf("is ready: try devcd:list")).as(out).isLessThan(out.indexOf("no coredumps"));
        assertThat(storage).doesNotExist();
    }
}
