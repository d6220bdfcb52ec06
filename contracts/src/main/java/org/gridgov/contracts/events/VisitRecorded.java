package org.gridgov.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.visit.recorded.v1}: Visit recorded. Grid staff visited a household (走访) and logged it in
 * their work log; only ids, the kind and how many findings — the note and the findings stay in fieldwork-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitRecorded(UUID visitId, UUID householdId, UUID microGridId, UUID communityId, Kind kind, int findings,
                            LocalDate visitedOn, Instant occurredAt) implements Event {

    public enum Kind { ROUTINE, CARE, FOLLOW_UP, PETITION }
}
