package org.gridgov.local;

import java.util.function.Function;

/** What the launcher's commands ({@code start}, {@code bench}) do with their arguments. */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * The options {@code parse} makes of the arguments; when it refuses them ({@link IllegalArgumentException}), the
     * reason and the usage on standard error and exit code 2.
     */
    public static <T> T parseOrExit(String[] args, Function<String[], T> parse, String usage) {
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage);
            System.exit(2);
            throw e; // not reached: exit does not return
        }
    }
}
