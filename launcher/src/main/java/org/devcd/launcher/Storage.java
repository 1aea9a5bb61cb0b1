package org.devcd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The framework's storage folder: made by the launcher, removed at exit. */
final class Storage {
    /**
     * The system property that names the storage folder. The launcher creates it (it must not exist yet) and removes it
     * at exit, so a test can check that it is gone; unset, a new temporary folder is used.
     */
    static final String PROPERTY = "devcd.launcher.storage";

    private Storage() {
    }

    /** @return the new, empty storage folder */
    static Path create() throws LaunchFailure {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            try {
                return Files.createTempDirectory("devcd-felix-");
            } catch (IOException | RuntimeException e) {
                throw new LaunchFailure("could not create a temporary folder for the framework's storage in "
                        + System.getProperty("java.io.tmpdir"), "Make that folder writable, set -Djava.io.tmpdir to a"
                        + " writable folder, or name a new one with -D" + PROPERTY + "=FOLDER.", e);
            }
        }
        Path folder = Path.of(named).toAbsolutePath();
        if (Files.exists(folder)) {
            throw new LaunchFailure("the storage folder " + folder + " (-D" + PROPERTY + ") already exists",
                    "Name a folder that does not exist yet: the launcher creates it and removes it at exit.", null);
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException | RuntimeException e) {
            throw new LaunchFailure("could not create the storage folder " + folder + " (-D" + PROPERTY + ")",
                    "Name a new folder in a writable place, or leave " + PROPERTY + " unset for a temporary folder.",
                    e);
        }
    }

    /** Removes {@code root} and everything in it; a failure is printed, not thrown (this runs at exit). */
    static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("devcd: could not remove the storage folder " + root + ": " + Errors.sentence(e));
        }
    }
}
