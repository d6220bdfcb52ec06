package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.rectification.opened.v1}: Rectification opened. A low rating opened a rectification of
 * how the grid handled the wish.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationOpened(UUID wishId, UUID gridId, int rating, Instant occurredAt,
                                  @Nullable UUID rectificationId, @Nullable UUID communityId) implements Event {
}
