package org.gridgov.member.member.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A service record (服务纪实): hours a party member served, for a wish or an activity, waiting for
 * grid staff to approve or reject it. Only an approved record counts for points and the star rank.
 */
public record ServiceRecord(UUID id, UUID memberId, BigDecimal hours, LocalDate servedOn, Optional<UUID> wishId,
                            Optional<String> activity, Status status, Instant recordedAt) {

    public enum Status { PENDING, APPROVED, REJECTED }

    /** A day has 24 hours; a record covers one day's service. */
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

    public ServiceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(servedOn, "servedOn");
        Objects.requireNonNull(status, "status");
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 1) {
            throw Refusal.invalid("Hours must be more than 0 and at most 24, in steps of 0.1.");
        }
        if (wishId.isEmpty() && activity.filter(text -> !text.isBlank()).isEmpty()) {
            throw Refusal.invalid("A service record names the wish or the activity it came from.");
        }
    }

    public static ServiceRecord record(UUID id, UUID memberId, BigDecimal hours, LocalDate servedOn,
                                       Optional<UUID> wishId, Optional<String> activity, LocalDate today, Instant at) {
        if (servedOn.isAfter(today)) {
            throw Refusal.invalid("Service cannot be recorded before it happened.");
        }
        return new ServiceRecord(id, memberId, hours, servedOn, wishId, activity.map(String::strip), Status.PENDING, at);
    }

    public ServiceRecord decide(boolean approve) {
        if (status != Status.PENDING) {
            throw Refusal.conflict("ALREADY_DECIDED", "This service record was already " + status.name().toLowerCase() + ".");
        }
        return new ServiceRecord(id, memberId, hours, servedOn, wishId, activity,
                approve ? Status.APPROVED : Status.REJECTED, recordedAt);
    }
}
