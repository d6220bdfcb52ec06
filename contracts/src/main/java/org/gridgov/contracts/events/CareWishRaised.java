package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.Category;

/**
 * {@code org.gridgov.care-recipient.wish-raised.v1}: Care recipient's yearly wish raised. A carer recorded the care
 * recipient's wish of the year (四个一 · 每年一个心愿) and wrote it for the grid's dispatch board: wish-service orders it as
 * a micro-wish under {@code wishId}, once, on the household's behalf. Ids, the category and the title only: never the
 * recipient's name, phone, address, special groups or the carer's note.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareWishRaised(UUID recipientId, UUID contactId, UUID wishId, UUID householdId, UUID microGridId,
                             UUID gridId, UUID communityId, Category category, String title, String carer,
                             Instant occurredAt) implements Event {
}
