package org.gridgov.wish.sla.domain;

import java.time.Instant;

import org.gridgov.wish.wish.domain.EscalationLevel;

/**
 * What a timer announces: a reminder to the level holding the step before its deadline, or an
 * escalation to the next level once the deadline {@code dueAt} has passed.
 */
public record SlaAlert(Kind kind, SlaStep step, EscalationLevel level, Instant dueAt) {

    public enum Kind {
        REMINDER, ESCALATION
    }
}
