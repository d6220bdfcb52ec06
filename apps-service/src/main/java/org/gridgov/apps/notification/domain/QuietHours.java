package org.gridgov.apps.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours a person wants no text messages, in the district's time zone (Asia/Shanghai): {@code from}
 * inclusive to {@code to} exclusive, across midnight when {@code from} is after {@code to} (22:00–07:00).
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("from and to are the same time");
        }
    }

    /** When a message due at {@code at} may go out: empty when not in the quiet hours, else when they end. */
    public Optional<Instant> heldUntil(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean overnight = from.isAfter(to);
        boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDay = overnight && !time.isBefore(from) ? day.plusDays(1) : day;
        return Optional.of(endDay.atTime(to).atZone(zone).toInstant());
    }
}
