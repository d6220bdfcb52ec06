package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.patrol.planned.v1}: Patrol plan set. A grid's patrol plan (巡查计划): which places its staff walk
 * past and how often; the first patrol is due by {@code dueAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatrolPlanned(UUID planId, UUID gridId, UUID communityId, int places, int everyDays, Instant dueAt,
                            String plannedBy, Instant occurredAt) implements Event {
}
