package org.gridgov.wish.wish.domain;

import java.time.Instant;
import java.util.Optional;

/** One line of a wish's audit trail: who did what, when, from which status to which, and why. */
public record HistoryEntry(Action action, Optional<WishStatus> from, WishStatus to, String actorId,
                           ActorRole actorRole, Instant at, Optional<String> reason, Optional<EscalationLevel> level) {
}
