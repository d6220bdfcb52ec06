package org.gridgov.committee.activity.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A joint activity (活动联办) of a community, organised with member units: people sign up while it has places and has
 * not ended, cancel before it starts, are checked in, and its completion — once, after it started — credits each
 * person checked in with its service hours and points.
 */
public record Activity(UUID id, UUID communityId, String title, String kind, Instant startsAt, Instant endsAt,
                       String place, int capacity, BigDecimal hours, int points, List<UUID> organiserUnitIds,
                       String createdBy, Instant createdAt, Instant completedAt) {

    public Activity {
        organiserUnitIds = List.copyOf(organiserUnitIds);
    }

    public static Activity plan(UUID communityId, String title, String kind, Instant startsAt, Instant endsAt,
                                String place, int capacity, BigDecimal hours, int points, List<UUID> organiserUnitIds,
                                String createdBy, Instant at) {
        if (!endsAt.isAfter(startsAt)) {
            throw Refusal.invalidField("endsAt", "An activity ends after it starts.");
        }
        if (hours.stripTrailingZeros().scale() > 1) {
            throw Refusal.invalidField("hours", "Service hours are counted to a tenth of an hour.");
        }
        return new Activity(UUID.randomUUID(), communityId, title, kind, startsAt, endsAt, place, capacity, hours,
                points, organiserUnitIds, createdBy, at, null);
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    /** A new registration, when {@code registered} people have already signed up. */
    public void admitRegistration(long registered, Instant now) {
        if (isCompleted() || !now.isBefore(endsAt)) {
            throw Refusal.conflict("ACTIVITY_CLOSED", "The activity is over: it takes no more registrations.");
        }
        if (registered >= capacity) {
            throw Refusal.conflict("ACTIVITY_FULL", "The activity is full: all " + capacity + " places are taken.");
        }
    }

    public void admitCancellation(Instant now) {
        if (!now.isBefore(startsAt)) {
            throw Refusal.conflict("ACTIVITY_STARTED", "The activity has started: a registration can no longer be cancelled.");
        }
    }

    public void admitCheckIn() {
        if (isCompleted()) {
            throw Refusal.conflict("ACTIVITY_COMPLETED", "The activity is completed: its check-ins are final.");
        }
    }

    public Activity complete(Instant at) {
        if (isCompleted()) {
            throw Refusal.conflict("ACTIVITY_COMPLETED", "The activity is already completed.");
        }
        if (at.isBefore(startsAt)) {
            throw Refusal.conflict("ACTIVITY_NOT_STARTED", "The activity has not started yet.");
        }
        return new Activity(id, communityId, title, kind, startsAt, endsAt, place, capacity, hours, points,
                organiserUnitIds, createdBy, createdAt, at);
    }
}
