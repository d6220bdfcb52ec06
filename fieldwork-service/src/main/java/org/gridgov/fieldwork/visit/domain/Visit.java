package org.gridgov.fieldwork.visit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A visit to a household (走访: 走—看—问—听—议) by grid staff or a hub household's party member, an entry of
 * their work log (工作日志): what kind, a note, what they found.
 */
public record Visit(UUID id, UUID householdId, UUID microGridId, UUID communityId, String staff, Kind kind, String note,
                    List<String> findings, Instant visitedAt, Instant recordedAt) {

    public enum Kind { ROUTINE, CARE, FOLLOW_UP, PETITION }

    public static final int MAX_FINDINGS = 20;
    /** A visit is logged within a month of it. */
    public static final Duration LOGGED_WITHIN = Duration.ofDays(31);

    public static Visit record(UUID householdId, UUID microGridId, UUID communityId, String staff, Kind kind, String note,
                               List<String> findings, Instant visitedAt, Instant now) {
        if (note == null || note.isBlank()) {
            throw Refusal.invalidField("note", "Say what the visit was about.");
        }
        List<String> found = findings == null ? List.of() : findings;
        if (found.size() > MAX_FINDINGS) {
            throw Refusal.invalidField("findings", "At most " + MAX_FINDINGS + " findings.");
        }
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) == null || found.get(i).isBlank()) {
                throw Refusal.invalidField("findings[" + i + "]", "A finding says what was found.");
            }
        }
        Instant when = visitedAt == null ? now : visitedAt;
        if (when.isAfter(now.plusSeconds(60)) || when.isBefore(now.minus(LOGGED_WITHIN))) {
            throw Refusal.invalidField("visitedAt", "A visit is logged after it, within a month.");
        }
        return new Visit(UUID.randomUUID(), householdId, microGridId, communityId, staff, kind, note.strip(),
                found.stream().map(String::strip).toList(), when, now);
    }

    /** The finding at a position (from 0), as it was written; 404 for a position the visit has no finding at. */
    public String finding(int position) {
        if (position < 0 || position >= findings.size()) {
            throw Refusal.notFound("finding", id + "/" + position);
        }
        return findings.get(position);
    }
}
