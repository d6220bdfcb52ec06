package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.unit.joined.v1}: Member unit joined. An organisation joined the Grand Party Committee
 * (大党委) of one or more communities.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitJoined(UUID unitId, String name, String kind, List<UUID> communityIds,
                         Instant occurredAt) implements Event {
}
