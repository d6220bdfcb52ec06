package org.gridgov.fieldwork.care.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A household in the 四个一 care of its grid (每天一个关怀、每周一次入户、每月一件实事、每年一个心愿): which special groups it
 * belongs to, who cares for it, and when the next weekly home visit is due. A week without a home visit is missed:
 * the first miss in a row reminds the carers, the next ones escalate to the grid's chief.
 */
public record CareRecipient(UUID id, UUID householdId, UUID microGridId, UUID communityId, Set<CareGroup> groups,
                            List<String> carers, String registeredBy, Instant registeredAt, Instant visitDueAt,
                            int missedInARow, long version) {

    public static final Duration WEEK = Duration.ofDays(7);
    public static final int MAX_CARERS = 10;
    public static final int MAX_CARER_LENGTH = 200;

    public enum Alert { REMINDER, ESCALATION }

    /** A missed week: the recipient with its next due time, and whom to tell. */
    public record Missed(CareRecipient recipient, Alert alert, Instant dueAt) {
    }

    public static CareRecipient register(UUID householdId, UUID microGridId, UUID communityId, List<CareGroup> groups,
                                         List<String> carers, String registeredBy, Instant now) {
        if (groups == null || groups.isEmpty()) {
            throw Refusal.invalidField("groups", "Name the special groups the household belongs to.");
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == null) {
                throw Refusal.invalidField("groups[" + i + "]", "A group is one of " + List.of(CareGroup.values()) + ".");
            }
        }
        if (carers == null || carers.isEmpty() || carers.size() > MAX_CARERS) {
            throw Refusal.invalidField("carers", "Between 1 and " + MAX_CARERS + " carers (staff or party members).");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < carers.size(); i++) {
            String carer = carers.get(i);
            if (carer == null || carer.isBlank() || carer.strip().length() > MAX_CARER_LENGTH) {
                throw Refusal.invalidField("carers[" + i + "]", "A carer is a staff member's or party member's id.");
            }
            if (!distinct.add(carer.strip())) {
                throw Refusal.invalidField("carers[" + i + "]", "A carer is named once.");
            }
        }
        return new CareRecipient(UUID.randomUUID(), householdId, microGridId, communityId, Set.copyOf(groups),
                List.copyOf(distinct), registeredBy, now, now.plus(WEEK), 0, 0);
    }

    /** Whether the caller (a staff member's subject, or a party member's id) is one of the carers. */
    public boolean caredForBy(String subject, Optional<UUID> memberId) {
        return carers.contains(subject) || memberId.map(id -> carers.contains(id.toString())).orElse(false);
    }

    /** A home visit: the next one is due a week later, and the misses in a row start again. */
    public CareRecipient visited(Instant at) {
        return new CareRecipient(id, householdId, microGridId, communityId, groups, carers, registeredBy, registeredAt,
                at.plus(WEEK), 0, version);
    }

    /** The week due by now passed without a home visit; nothing when the visit is not due yet. */
    public Optional<Missed> missed(Instant now) {
        if (visitDueAt.isAfter(now)) {
            return Optional.empty();
        }
        int missed = missedInARow + 1;
        CareRecipient next = new CareRecipient(id, householdId, microGridId, communityId, groups, carers, registeredBy,
                registeredAt, visitDueAt.plus(WEEK), missed, version);
        return Optional.of(new Missed(next, missed == 1 ? Alert.REMINDER : Alert.ESCALATION, visitDueAt));
    }

    /** Only the id: a log line never carries the groups or the carers. */
    @Override
    public String toString() {
        return "CareRecipient[" + id + "]";
    }
}
