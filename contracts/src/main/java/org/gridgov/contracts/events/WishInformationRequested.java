package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.information-requested.v1}: Wish information requested. The grid asked the
 * resident a question about the wish; it is AWAITING_INFO and its SLA deadline waits. The question
 * itself stays in wish-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishInformationRequested(UUID wishId, Actor actor, Instant occurredAt, String status,
        UUID gridId, UUID communityId, int questionLength) implements Event {
}
