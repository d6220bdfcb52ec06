package org.gridgov.member.volunteer.domain;

import java.time.Instant;
import java.util.UUID;

/** A resident who volunteers (志愿者) in a community without being a party member; the phone is personal data. */
public record Volunteer(UUID id, String name, UUID communityId, String phone, Instant registeredAt) {
}
