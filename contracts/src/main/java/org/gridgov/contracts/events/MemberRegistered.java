package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.member.registered.v1}: Party member registered. A party member was registered with the
 * community they belong to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberRegistered(UUID memberId, String kind, UUID communityId, @Nullable UUID gridId,
                               Instant occurredAt) implements Event {
}
