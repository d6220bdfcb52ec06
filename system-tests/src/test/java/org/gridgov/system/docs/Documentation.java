package org.gridgov.system.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gridgov.local.RepoRoot;

/** The repository's documentation as text: the README, docs/ and every module's README. */
final class Documentation {

    static final Path ROOT = RepoRoot.find(Path.of(""));

    /**
     * A call of the public API written as {@code `GET /api/grid/nodes/{id}`} (query and body after the
     * path are not part of it); the identity provider's calls are not the gateway's.
     */
    private static final Pattern CALL = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/(?:api|open311)/[^`?\\s]*)");
    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", ".local");

    private Documentation() {
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Markdown file of the project: README.md, docs/*.md and the modules' README.md. */
    static List<Path> markdownFiles() {
        return files().filter(file -> file.toString().endsWith(".md")).toList();
    }

    /** Every file of the project outside build output, dependencies and local data. */
    static Stream<Path> files() {
        try {
            return Files.walk(ROOT)
                    .filter(path -> {
                        for (Path part : ROOT.relativize(path)) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls of a page as "METHOD /path" with every path variable written {@code {}}. */
    static Set<String> calls(String markdown) {
        Set<String> calls = new TreeSet<>();
        Matcher call = CALL.matcher(markdown);
        while (call.find()) {
            calls.add(call.group(1) + " " + normalised(call.group(2)));
        }
        return calls;
    }

    /**
     * A path as the contract means it: variables are anonymous, and an Open311 document is the same
     * call whether asked for as {@code .json}, {@code .xml} or without a suffix.
     */
    static String normalised(String path) {
        String anonymous = path.replaceAll("\\{[^}]*}", "{}");
        return anonymous.startsWith("/open311/") ? anonymous.replaceAll("\\.(json|xml)$", "") : anonymous;
    }
}
