package org.gridgov.fieldwork.patrol.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A grid's patrol plan (巡查计划), identified by the grid: the places its staff walk past and how often. Set again, it
 * replaces the places and the period and the next patrol falls due a period from then. A patrol of the grid is due by
 * {@link #dueAt()}; one started moves the due time on by the plan's period, and a due time that passes without one is a
 * missed patrol — the next one falls due a period later, and the misses in a row are counted until a patrol starts.
 */
public record PatrolPlan(UUID id, UUID gridId, UUID communityId, List<String> places, int everyDays, String plannedBy,
                         Instant plannedAt, Instant dueAt, int missedInARow, long version) {

    public static final int MAX_PLACES = 50;
    public static final int MAX_PLACE_LENGTH = 200;
    public static final int MAX_EVERY_DAYS = 31;

    public PatrolPlan {
        places = List.copyOf(places);
    }

    /** How far back a plan may be said to have been in force already. */
    public static final Duration MAX_BACKDATED = Duration.ofDays(31);

    /**
     * The plan, in force from {@code from} (now if null; up to {@link #MAX_BACKDATED} back, for a plan the grid already
     * worked to): the first patrol is due a period after it, so a backdated plan may have missed patrols at once.
     */
    public static PatrolPlan plan(UUID gridId, UUID communityId, List<String> places, int everyDays, Instant from,
                                  String by, Instant at) {
        if (places == null || places.isEmpty() || places.size() > MAX_PLACES) {
            throw Refusal.invalidField("places", "Name 1 to " + MAX_PLACES + " places to walk past.");
        }
        for (int i = 0; i < places.size(); i++) {
            String place = places.get(i);
            if (place == null || place.isBlank() || place.strip().length() > MAX_PLACE_LENGTH) {
                throw Refusal.invalidField("places[" + i + "]", "Name the place, in at most " + MAX_PLACE_LENGTH
                        + " characters.");
            }
        }
        if (everyDays < 1 || everyDays > MAX_EVERY_DAYS) {
            throw Refusal.invalidField("everyDays", "A patrol every 1 to " + MAX_EVERY_DAYS + " days.");
        }
        Instant start = from == null ? at : from;
        if (start.isAfter(at.plusSeconds(60)) || start.isBefore(at.minus(MAX_BACKDATED))) {
            throw Refusal.invalidField("from", "A plan is in force from now or from a time in the last "
                    + MAX_BACKDATED.toDays() + " days.");
        }
        return new PatrolPlan(gridId, gridId, communityId, places.stream().map(String::strip).toList(),
                everyDays, by, at, start.plus(Duration.ofDays(everyDays)), 0, 0);
    }

    public Duration period() {
        return Duration.ofDays(everyDays);
    }

    /** A patrol of the grid started: the next one is due a period later, and nothing is missed in a row any more. */
    public PatrolPlan patrolled(Instant at) {
        return new PatrolPlan(id, gridId, communityId, places, everyDays, plannedBy, plannedAt, at.plus(period()), 0,
                version);
    }

    /** A due time passed without a patrol: the miss, and the plan with its next due time. */
    public record Missed(PatrolPlan plan, Instant dueAt) {
    }

    /** The patrol missed by {@code now}, if one is: the next falls due a period after the missed one. */
    public Optional<Missed> missed(Instant now) {
        if (now.isBefore(dueAt)) {
            return Optional.empty();
        }
        return Optional.of(new Missed(new PatrolPlan(id, gridId, communityId, places, everyDays, plannedBy, plannedAt,
                dueAt.plus(period()), missedInARow + 1, version), dueAt));
    }
}
