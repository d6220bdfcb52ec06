package org.gridgov.wish.sla.domain;

import java.time.Instant;

import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.EscalationLevel;

/** The running timer of one wish as stored: its deadline, whether the reminder went out, the wish's level. */
public record SlaTimer(Category category, Deadline deadline, boolean reminded, EscalationLevel level) {

    /** When the timer next has something to do: the reminder first, then the deadline itself. */
    public Instant nextFireAt() {
        return reminded ? deadline.dueAt() : deadline.remindAt();
    }
}
