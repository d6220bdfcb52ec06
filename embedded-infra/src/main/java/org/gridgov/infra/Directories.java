package org.gridgov.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Data directories of the embedded servers: a kept one given by the caller, or a temporary one; and their removal,
 * which the local platform's {@code --fresh} shares.
 */
public final class Directories {

    private Directories() {
    }

    static Path createdOrTemporary(Path directory, String temporaryPrefix) {
        try {
            return directory == null
                    ? Files.createTempDirectory(temporaryPrefix)
                    : Files.createDirectories(directory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory", e);
        }
    }

    /** Deletes the directory and everything in it, if it exists. */
    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
