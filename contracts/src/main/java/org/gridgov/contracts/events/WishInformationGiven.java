package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.information-given.v1}: Wish information given. The resident answered the
 * grid's question; the wish is back in the status it had and its SLA deadline runs again, later by
 * the time waited. The answer (it may hold personal data) stays in wish-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishInformationGiven(UUID wishId, Actor actor, Instant occurredAt, String status,
        UUID gridId, UUID communityId, int answerLength) implements Event {
}
