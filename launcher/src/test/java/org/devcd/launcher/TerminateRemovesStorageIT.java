package org.devcd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** SIGTERM (and so Ctrl-C) stops the framework and removes its storage folder through the shutdown hook. */
class TerminateRemovesStorageIT {

    /** A shell waiting on an open stdin, sent SIGTERM once ready: it exits within 20 s and its storage is gone. */
    @Test
    void sigtermStopsTheFrameworkAndRemovesItsStorage() throws Exception {
        Path storage = Path.of("target", "it-storage", "sigterm").toAbsolutePath();
        Storage.delete(storage);
        LauncherProcess launcher = LauncherProcess.start(storage, "shell");
        try {
            assertThat(launcher.awaitReady(60)).as(launcher.output()).isTrue();
            assertThat(storage).isDirectory();

            long sent = System.nanoTime();
            launcher.terminate(); // stdin stays open: only the signal ends the shell
            Integer status = launcher.awaitExit(20);
            long millis = (System.nanoTime() - sent) / 1_000_000;
            String out = launcher.output();
            System.out.println(out + System.lineSeparator() + "(exit " + status + " after " + millis + " ms)");

            assertThat(status).as(out).isEqualTo(128 + 15);
            assertThat(storage).as(out).doesNotExist();
        } finally {
            launcher.awaitExit(0);
        }
    }
}
