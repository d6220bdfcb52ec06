package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.household.moved.v1}: Household moved. A household or shop moved to another address; the
 * event carries where it is now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HouseholdMoved(UUID householdId, String kind, UUID microGridId,
                             @Nullable UUID hubHouseholdId, String address, Instant occurredAt) implements Event {
}
