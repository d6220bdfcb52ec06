package org.gridgov.wish.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.web.ProblemException;

/**
 * Where the next page of a newest-first list starts: the (time, id) of the last item served. Opaque
 * to clients; stable while items are added, unlike an offset.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for no cursor (the first page); a 400 problem for one this service did not hand out. */
    public static Optional<Cursor> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw invalid();
            }
            return Optional.of(new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1])));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("The cursor is not one this list handed out.");
    }
}
