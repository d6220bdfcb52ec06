package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.points.redeemed.v1}: Points redeemed. Points were taken from a member's account,
 * usually for a points-store item.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsRedeemed(UUID memberId, long points, String cause, UUID causeId,
                             long balanceAfter, @Nullable UUID itemId, @Nullable Integer quantity,
                             @Nullable String reason, Instant occurredAt) implements Event {
}
