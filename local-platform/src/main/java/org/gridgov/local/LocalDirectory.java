package org.gridgov.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.gridgov.infra.Directories;
import org.gridgov.infra.EmbeddedPostgresServer;

/** {@code .local/} in the checkout: data kept across restarts, logs, the launcher's pid and demo tokens. */
final class LocalDirectory {

    private final Path root;

    LocalDirectory(Path repoRoot) {
        this.root = repoRoot.resolve(".local");
    }

    Path root() {
        return root;
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path issuer() {
        return root.resolve("issuer");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path pidFile() {
        return root.resolve("launcher.pid");
    }

    /** The launcher that wrote the pid file, if it still runs (a reused pid of another program does not count). */
    Optional<ProcessHandle> runningLauncher() {
        try {
            if (!Files.isRegularFile(pidFile())) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile()).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().orElse("").contains("local-platform"));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** --fresh: a PostgreSQL orphaned by a killed launcher would keep running on deleted files, so it is stopped first. */
    void wipe() {
        if (Files.isDirectory(postgres())) {
            EmbeddedPostgresServer.stopOrphanedServer(postgres());
        }
        Directories.deleteRecursively(root);
    }

    void create() {
        try {
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs(), e);
        }
    }

    void writePid() {
        try {
            Files.writeString(pidFile(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile(), e);
        }
    }

    void deletePid() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            System.err.println("cannot delete " + pidFile() + ": " + e.getMessage());
        }
    }
}
