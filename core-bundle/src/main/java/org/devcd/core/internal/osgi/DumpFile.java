package org.devcd.core.internal.osgi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.DumpReader;

/** {@code devcd:read NAME FILE}: the whole dump into a new file; what goes wrong is said in words, with the path. */
final class DumpFile {
    private static final int CHUNK = 64 << 10;

    private DumpFile() {
    }

    /**
     * @return the line to print
     * @throws CommandFailure when the file cannot be written, saying why in words
     */
    static String write(CoredumpAdmin admin, String name, String file) {
        if (file.isBlank()) {
            throw new CommandFailure("FILE is empty: name the new file to write " + name + " to");
        }
        Path target;
        try {
            target = Path.of(file).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new CommandFailure("'" + file + "' is not a file name here: " + e.getReason());
        }
        try (DumpReader reader = admin.open(name);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            long offset = 0;
            for (int count; (count = reader.read(offset, chunk.clear())) > 0; offset += count) {
                chunk.flip();
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            return name + ": " + offset + " bytes written to " + target;
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(target + " exists; name a new file");
        } catch (NoSuchFileException e) {
            throw new CommandFailure("cannot write " + target + ": no such folder " + target.getParent());
        } catch (AccessDeniedException e) {
            throw new CommandFailure("cannot write " + target + ": permission denied");
        } catch (FileSystemException e) {
            throw new CommandFailure("cannot write " + target + ": " + (e.getReason() != null ? e.getReason()
                    : "the file system refused"));
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + target + ": " + e.getMessage());
        }
    }
}
