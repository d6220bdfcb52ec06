package org.gridgov.fieldwork.patrol.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A patrol (巡查) of a grid by one of its staff: started, checked in at places, findings reported as cases on
 * the way, ended. Only the patroller acts on it, and only while it is in progress.
 */
public record Patrol(UUID id, UUID gridId, UUID communityId, String staff, PatrolStatus status, Instant startedAt,
                     Instant endedAt, int checkIns, int findings) {

    public static Patrol start(UUID gridId, UUID communityId, String staff, Instant at) {
        return new Patrol(UUID.randomUUID(), gridId, communityId, staff, PatrolStatus.IN_PROGRESS, at, null, 0, 0);
    }

    /** A place the patroller passed: at a time between the start and now, with coordinates that exist. */
    public record CheckIn(int position, String place, Instant at, Double latitude, Double longitude) {
    }

    public CheckIn checkIn(String place, Instant at, Double latitude, Double longitude, Instant now) {
        requireInProgress();
        if (place == null || place.isBlank()) {
            throw Refusal.invalidField("place", "Name the place.");
        }
        Instant when = at == null ? now : at;
        if (when.isBefore(startedAt) || when.isAfter(now.plusSeconds(60))) {
            throw Refusal.invalidField("at", "A check-in lies between the patrol's start and now.");
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            throw Refusal.invalidField("lat", "A latitude lies between -90 and 90.");
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            throw Refusal.invalidField("long", "A longitude lies between -180 and 180.");
        }
        if ((latitude == null) != (longitude == null)) {
            throw Refusal.invalidField(latitude == null ? "lat" : "long", "Give both coordinates or neither.");
        }
        return new CheckIn(checkIns + 1, place.strip(), when, latitude, longitude);
    }

    public Patrol checkedIn() {
        return new Patrol(id, gridId, communityId, staff, status, startedAt, endedAt, checkIns + 1, findings);
    }

    /** A finding reported as a case on the way. */
    public Patrol found() {
        requireInProgress();
        return new Patrol(id, gridId, communityId, staff, status, startedAt, endedAt, checkIns, findings + 1);
    }

    public Patrol end(Instant at) {
        requireInProgress();
        return new Patrol(id, gridId, communityId, staff, PatrolStatus.ENDED, startedAt, at, checkIns, findings);
    }

    public int minutes() {
        return endedAt == null ? 0 : (int) Duration.between(startedAt, endedAt).toMinutes();
    }

    private void requireInProgress() {
        if (status != PatrolStatus.IN_PROGRESS) {
            throw Refusal.conflict("The patrol has ended.");
        }
    }
}
