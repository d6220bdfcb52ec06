package org.gridgov.wish.wish.web;

import java.time.Instant;
import java.util.List;

import org.gridgov.wish.wish.domain.Action;
import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.wish.wish.domain.EscalationLevel;
import org.gridgov.wish.wish.domain.HistoryEntry;
import org.gridgov.wish.wish.domain.WishStatus;

/** A wish's audit trail, oldest first. */
record HistoryView(List<Entry> items) {

    /** @param actor who acted; a resident's id only for those who may see the resident's data */
    record Entry(Instant at, Action action, WishStatus from, WishStatus to, Actor actor, String reason,
                 EscalationLevel level) {
    }

    record Actor(String id, ActorRole role) {
    }

    static HistoryView of(List<HistoryEntry> entries, boolean showResident) {
        return new HistoryView(entries.stream().map(entry -> new Entry(entry.at(), entry.action(),
                entry.from().orElse(null), entry.to(),
                new Actor(entry.actorRole() == ActorRole.RESIDENT && !showResident ? null : entry.actorId(),
                        entry.actorRole()),
                entry.reason().orElse(null), entry.level().orElse(null))).toList());
    }
}
