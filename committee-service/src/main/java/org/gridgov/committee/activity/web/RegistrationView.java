package org.gridgov.committee.activity.web;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.committee.activity.domain.Registration;

/** A person signed up for an activity. */
record RegistrationView(UUID activityId, UUID personId, String kind, Instant registeredAt, boolean checkedIn,
                        Instant checkedInAt) {

    static RegistrationView of(Registration r) {
        return new RegistrationView(r.activityId(), r.personId(), r.kind().name(), r.registeredAt(), r.checkedIn(),
                r.checkedInAt());
    }
}
