package org.gridgov.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the launcher works on: the nearest directory holding pom.xml and local-platform/. */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-platform"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside a GridGov checkout: " + start
                + " (no directory above holds pom.xml and local-platform/)");
    }
}
