package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.care-recipient.visit-missed.v1}: Care visit missed. A week passed without the weekly home visit
 * (每周一次入户): the first miss reminds the carers, a second one in a row escalates to the grid's chief.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareVisitMissed(UUID recipientId, UUID microGridId, @Nullable UUID gridId, UUID communityId,
                              Level level, List<String> carers, int missedInARow, Instant dueAt,
                              Instant occurredAt) implements Event {

    public enum Level { REMINDER, ESCALATION }
}
