package org.gridgov.wish.wish.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A question the grid asked the resident about a wish, and the answer once given. The answer may hold
 * personal data: it is shown only to those who see the resident's data in clear.
 */
public record Question(UUID id, Instant askedAt, ActorRole askedBy, String question, Optional<Instant> answeredAt,
                       Optional<String> answer) {
}
