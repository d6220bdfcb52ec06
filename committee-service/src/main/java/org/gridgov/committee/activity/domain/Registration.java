package org.gridgov.committee.activity.domain;

import java.time.Instant;
import java.util.UUID;

/** A person signed up for an activity; checked in when they came. */
public record Registration(UUID activityId, UUID personId, PersonKind kind, Instant registeredAt, Instant checkedInAt) {

    public enum PersonKind {
        PARTY_MEMBER, VOLUNTEER
    }

    public boolean checkedIn() {
        return checkedInAt != null;
    }
}
