package org.gridgov.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.service.recorded.v1}: Service recorded. Volunteer service by a party member was
 * recorded and approved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceRecorded(UUID recordId, UUID memberId, BigDecimal hours, @Nullable UUID wishId,
                              UUID approvedBy, Instant occurredAt) implements Event {
}
