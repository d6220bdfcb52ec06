package org.gridgov.member.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.r2dbc.core.Parameter;

/** Binding helpers the repositories share: optional values as typed nulls, instants as UTC timestamps. */
public final class Sql {

    private Sql() {
    }

    /** A value, or a null the driver still knows the type of. */
    public static <T> Parameter optional(Optional<? extends T> value, Class<T> type) {
        return Parameter.fromOrEmpty(value.orElse(null), type);
    }

    public static <T> Parameter nullable(T value, Class<T> type) {
        return Parameter.fromOrEmpty(value, type);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
