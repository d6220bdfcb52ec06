package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.volunteer.registered.v1}: Volunteer registered. A resident who is not a party member volunteers
 * (志愿者) in a community; no name or phone, only the id their token's {@code member} claim carries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolunteerRegistered(UUID volunteerId, UUID communityId, Instant occurredAt) implements Event {
}
