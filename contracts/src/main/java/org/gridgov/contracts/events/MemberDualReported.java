package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.member.dual-reported.v1}: Party member dual-reported. An in-service party member
 * reported in (双报到) to their home community.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberDualReported(UUID memberId, UUID communityId, String workUnit,
                                 @Nullable UUID unitId, Instant occurredAt) implements Event {
}
