package org.gridgov.committee.activity.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.committee.activity.domain.Activity;
import org.gridgov.committee.activity.domain.Registration;

/** An activity as the API shows it: its places taken and, to its organisers, who signed up and who came. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ActivityView(UUID id, UUID communityId, String title, String kind, Instant startsAt, Instant endsAt, String place,
                    int capacity, long registered, BigDecimal hours, int points, List<UUID> organiserUnitIds,
                    boolean completed, Instant completedAt, List<RegistrationView> registrations) {

    static ActivityView of(Activity a, long registered, List<Registration> registrations) {
        return new ActivityView(a.id(), a.communityId(), a.title(), a.kind(), a.startsAt(), a.endsAt(), a.place(),
                a.capacity(), registered, a.hours(), a.points(), a.organiserUnitIds(), a.isCompleted(), a.completedAt(),
                registrations == null ? null : registrations.stream().map(RegistrationView::of).toList());
    }
}
