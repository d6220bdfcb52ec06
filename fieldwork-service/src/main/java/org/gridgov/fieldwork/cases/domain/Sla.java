package org.gridgov.fieldwork.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a department has, per severity, to acknowledge (报到) a case referred to it and then to report it
 * handled. Past that time the department is reminded; past twice that time the street is told.
 */
public final class Sla {

    public record Limits(Duration acknowledge, Duration handle) {

        public Limits {
            if (acknowledge.isNegative() || acknowledge.isZero() || handle.isNegative() || handle.isZero()) {
                throw new IllegalArgumentException("SLA limits are positive durations");
            }
        }
    }

    public enum Alert { REMINDER, ESCALATION }

    private final Map<Severity, Limits> limits;

    public Sla(Map<Severity, Limits> limits) {
        for (Severity severity : Severity.values()) {
            Objects.requireNonNull(limits.get(severity), () -> "no SLA for " + severity);
        }
        this.limits = Map.copyOf(limits);
    }

    public Limits of(Severity severity) {
        return limits.get(severity);
    }

    /** The time allowed for the step a department is on (acknowledging a REFERRED case, handling an ACKNOWLEDGED one). */
    public Duration allowed(Severity severity, CaseStatus step) {
        return switch (step) {
            case REFERRED -> limits.get(severity).acknowledge();
            case ACKNOWLEDGED -> limits.get(severity).handle();
            default -> throw new IllegalArgumentException("no department SLA while a case is " + step);
        };
    }

    /**
     * The alert due now for a department's step that was due at {@code dueAt}: the reminder once it is past,
     * the escalation to the street once twice the allowed time has passed; each once.
     */
    public static Optional<Alert> next(Instant dueAt, Duration allowed, Instant remindedAt, Instant escalatedAt,
                                       Instant now) {
        if (dueAt == null || escalatedAt != null || now.isBefore(dueAt)) {
            return Optional.empty();
        }
        if (!now.isBefore(dueAt.plus(allowed))) {
            return Optional.of(Alert.ESCALATION);
        }
        return remindedAt == null ? Optional.of(Alert.REMINDER) : Optional.empty();
    }
}
