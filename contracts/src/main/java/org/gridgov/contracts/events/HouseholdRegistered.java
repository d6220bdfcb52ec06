package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.household.registered.v1}: Household registered. A resident household or shop was
 * registered at an address inside a micro-grid. Carries no resident name or phone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HouseholdRegistered(UUID householdId, String kind, UUID microGridId,
                                  @Nullable UUID hubHouseholdId, String address, Instant occurredAt) implements Event {
}
