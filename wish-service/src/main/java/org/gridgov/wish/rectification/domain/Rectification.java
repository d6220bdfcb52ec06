package org.gridgov.wish.rectification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A rectification (整改) the grid owes after a resident rated a closed wish poorly: the rating and
 * comment (评价) open it; the grid records the feedback it gave the resident and its summary of what
 * changed (反馈、总结) to complete it.
 */
public record Rectification(UUID id, UUID wishId, UUID gridId, int rating, Optional<String> comment, Status status,
                            Optional<String> feedback, Optional<String> summary, Instant openedAt,
                            Optional<Instant> completedAt, Optional<String> completedBy, long version) {

    /** Ratings at or below this open a rectification. */
    public static final int LOW_RATING = 2;

    public enum Status {
        OPEN, COMPLETED
    }

    public Rectification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(wishId, "wishId");
        Objects.requireNonNull(gridId, "gridId");
        Objects.requireNonNull(status, "status");
    }

    public static boolean isCalledFor(Optional<Integer> rating) {
        return rating.filter(r -> r <= LOW_RATING).isPresent();
    }

    public static Rectification open(UUID id, UUID wishId, UUID gridId, int rating, Optional<String> comment, Instant at) {
        return new Rectification(id, wishId, gridId, rating, comment, Status.OPEN, Optional.empty(), Optional.empty(),
                at, Optional.empty(), Optional.empty(), 1);
    }

    /** @throws IllegalStateException when it was completed already */
    public Rectification complete(String feedback, String summary, String by, Instant at) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("This rectification is already completed.");
        }
        return new Rectification(id, wishId, gridId, rating, comment, Status.COMPLETED, Optional.of(feedback.strip()),
                Optional.of(summary.strip()), openedAt, Optional.of(at), Optional.of(by), version + 1);
    }
}
