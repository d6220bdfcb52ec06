package org.gridgov.contracts;

import java.util.Optional;
import java.util.UUID;

/** Ids as the platform writes them: UUIDs, read from text that may be anything a caller sent. */
public final class Ids {

    private Ids() {
    }

    /** The UUID the text holds (surrounding blanks ignored), or empty for null, blank or anything else. */
    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
