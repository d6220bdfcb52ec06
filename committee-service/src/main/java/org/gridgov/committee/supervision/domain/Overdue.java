package org.gridgov.committee.supervision.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The supervision (督办) rule for one unreached milestone: the day after its due date (UTC) the unit is
 * reminded; {@code escalateAfter} later, if still unreached, the community's admins are told. Each once.
 */
public final class Overdue {

    public enum Level { REMINDER, ESCALATION }

    private Overdue() {
    }

    /** The alert due now for the milestone, if any. */
    public static Optional<Level> next(LocalDate dueDate, Instant remindedAt, Instant escalatedAt, Instant now,
                                       Duration escalateAfter) {
        Instant late = lateFrom(dueDate);
        if (now.isBefore(late) || escalatedAt != null) {
            return Optional.empty();
        }
        if (remindedAt == null) {
            return Optional.of(Level.REMINDER);
        }
        return now.isBefore(late.plus(escalateAfter)) ? Optional.empty() : Optional.of(Level.ESCALATION);
    }

    /** The first instant at which the milestone is late: the end of its due day. */
    public static Instant lateFrom(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static int daysLate(LocalDate dueDate, Instant now) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, LocalDate.ofInstant(now, ZoneOffset.UTC)));
    }
}
