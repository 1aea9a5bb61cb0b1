package org.devcd.core.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry's state in the core's data area: what one instance writes, the next one reads. */
class DataFileStateTest {
    private final Path file = Path.of("target", "data-file-state", DataFileState.FILE);

    @BeforeEach
    void empty() throws IOException {
        Files.deleteIfExists(file);
    }

    /** A fresh data area: enabled, no id given out, and nothing written until something happens. */
    @Test
    void aFreshAreaIsEnabledFromOne() {
        DataFileState state = new DataFileState(file);
        assertThat(state.disabled()).isFalse();
        assertThat(state.idsGivenOut()).isZero();
        assertThat(file).doesNotExist();
    }

    /** Disable and the ids given out are read back by the next instance, as after a restart. */
    @Test
    void whatIsRecordedIsReadBack() {
        DataFileState first = new DataFileState(file);
        first.recordIdsGivenOut(4097);
        first.recordDisabled();

        DataFileState second = new DataFileState(file);
        assertThat(second.disabled()).isTrue();
        assertThat(second.idsGivenOut()).isEqualTo(4097);
        assertThat(file.resolveSibling(DataFileState.FILE + ".new")).doesNotExist();
    }

    /** A damaged counter is reported and names start again rather than the core failing to start. */
    @Test
    void aDamagedCounterStartsFromOne() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "ids.given.out=twelve\ndisabled=true\n");

        DataFileState state = new DataFileState(file);
        assertThat(state.idsGivenOut()).isZero();
        assertThat(state.disabled()).isTrue();
    }
}
