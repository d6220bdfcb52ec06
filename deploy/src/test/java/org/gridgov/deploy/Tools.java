package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the checks run (promtool, prometheus, node, kubectl). A missing tool fails
 * the test and says how to install it: a check that did not run proves nothing.
 */
final class Tools {

    static final String INSTALL_HINT = "run deploy/install-tools.sh (installs the Debian package prometheus, "
            + "runs npm ci in deploy/, and checks kubectl)";

    private Tools() {
    }

    /** The executable on the PATH, or a failed test naming the install script. */
    static String require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(tool + " is not on the PATH: " + INSTALL_HINT);
    }

    /** node, once deploy/node_modules holds the packages of package-lock.json. */
    static String requireNode() {
        String node = require("node");
        if (!Files.isDirectory(Repository.DEPLOY.resolve("node_modules"))) {
            fail("deploy/node_modules is missing: " + INSTALL_HINT);
        }
        return node;
    }

    /** Runs a command to its end and returns its exit code and merged output. */
    static Result run(Path workingDirectory, Duration timeout, List<String> command) {
        try {
            Path output = Files.createTempFile("gridgov-deploy-", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within " + timeout);
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    record Result(int exitCode, String output) {

        /** The output, or a failed test quoting it when the command did not succeed. */
        String successfulOutput(String what) {
            if (exitCode != 0) {
                fail(what + " failed (exit code " + exitCode + "):\n" + output);
            }
            return output;
        }
    }
}
