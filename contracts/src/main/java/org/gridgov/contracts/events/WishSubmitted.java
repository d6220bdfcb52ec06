package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.Category;

/**
 * {@code org.gridgov.wish.submitted.v1}: Wish submitted. A resident ordered a micro-wish (居民点单). Carries no
 * resident name, phone or address.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishSubmitted(UUID wishId, Actor actor, Instant occurredAt, String status,
                            Category category, String title, UUID gridId, UUID microGridId,
                            UUID communityId, @Nullable Instant wantedBy) implements Event {
}
