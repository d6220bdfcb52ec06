package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code org.gridgov.points.awarded.v1}: Points awarded. Points were added to a member's account. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsAwarded(UUID memberId, long points, String cause, UUID causeId,
                            long balanceAfter, @Nullable String reason, Instant occurredAt) implements Event {
}
