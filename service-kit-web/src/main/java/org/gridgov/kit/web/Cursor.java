package org.gridgov.kit.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque cursors for keyset pagination: the sort key of the last row of a page, encoded so that
 * clients pass it back unchanged and do not build on its shape. A cursor this API did not hand out
 * is a 400 naming {@code cursor}.
 */
public final class Cursor {

    // PostgreSQL text cannot hold NUL, so no key ever contains it
    private static final String SEPARATOR = "\0";

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder text = new StringBuilder();
        for (Object key : keys) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor, or an empty list for the first page. */
    public static List<String> decode(String cursor, int keys) {
        if (cursor == null || cursor.isEmpty()) {
            return List.of();
        }
        try {
            List<String> decoded = List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1));
            if (decoded.size() != keys) {
                throw new IllegalArgumentException("wrong number of keys");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The position in a list sorted by name, then id. */
    public record NameAndId(String name, UUID id) {

        public String encode() {
            return Cursor.encode(name, id);
        }
    }

    public static Optional<NameAndId> nameAndId(String cursor) {
        List<String> keys = decode(cursor, 2);
        return keys.isEmpty() ? Optional.empty() : Optional.of(new NameAndId(keys.get(0), uuidKey(keys.get(1))));
    }

    /** The position in a list sorted by time, then id (newest first, usually). */
    public record TimeAndId(Instant at, UUID id) {

        public String encode() {
            return Cursor.encode(at, id);
        }
    }

    public static Optional<TimeAndId> timeAndId(String cursor) {
        List<String> keys = decode(cursor, 2);
        return keys.isEmpty() ? Optional.empty() : Optional.of(new TimeAndId(instantKey(keys.get(0)), uuidKey(keys.get(1))));
    }

    /** The key of a one-key cursor; empty for the first page. */
    public static Optional<String> singleKey(String cursor) {
        List<String> keys = decode(cursor, 1);
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    /** A position in a ranked list, counted from its first row; 0 for the first page. */
    public static int offset(String cursor) {
        long offset = singleKey(cursor).map(Cursor::longKey).orElse(0L);
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw invalid();
        }
        return (int) offset;
    }

    public static UUID uuidKey(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static long longKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static Instant instantKey(String key) {
        try {
            return Instant.parse(key);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("The cursor is not one this list gave out.");
    }
}
