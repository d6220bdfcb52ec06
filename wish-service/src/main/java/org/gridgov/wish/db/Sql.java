package org.gridgov.wish.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;

/** The few conversions every table of this service needs between Java values and PostgreSQL columns. */
public final class Sql {

    private Sql() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Optional<Instant> instant(Readable row, String column) {
        return Optional.ofNullable(row.get(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    public static List<UUID> uuids(Readable row, String column) {
        UUID[] values = row.get(column, UUID[].class);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** Binds the value, or a typed null when it is absent (R2DBC needs the type of a null). */
    public static <T> DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name,
                                                           Optional<? extends T> value, Class<T> type) {
        return value.isPresent() ? spec.bind(name, value.get()) : spec.bindNull(name, type);
    }
}
