package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.care-recipient.registered.v1}: Care recipient registered. A household joined the 四个一 care of
 * its grid (daily care, weekly home visit, monthly deed, yearly wish) with its carers; only ids — which special
 * groups the household belongs to stays encrypted in fieldwork-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareRecipientRegistered(UUID recipientId, UUID householdId, UUID microGridId, UUID communityId,
                                      List<String> carers, Instant occurredAt) implements Event {
}
