package org.gridgov.kit.data;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/**
 * The conversions and statements every service's stores need between Java values and PostgreSQL:
 * typed nulls (R2DBC needs the type of a null), instants as UTC timestamps, arrays, and bulk
 * inserts in one statement (R2DBC sends one per row even in a batch).
 */
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

    /** A value, or a null the driver still knows the type of. */
    public static <T> Parameter optional(Optional<? extends T> value, Class<T> type) {
        return Parameter.fromOrEmpty(value.orElse(null), type);
    }

    public static <T> Parameter nullable(T value, Class<T> type) {
        return Parameter.fromOrEmpty(value, type);
    }

    /** Binds the value, or a typed null when it is absent. */
    public static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, String name, Optional<? extends T> value,
                                              Class<T> type) {
        return spec.bind(name, optional(value, type));
    }

    /** Binds a value that may be null. */
    public static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return spec.bind(name, nullable(value, type));
    }

    /**
     * A read model's way of applying an event by one statement: {@code sql} with what {@code bind} binds
     * from the event, run for its effect. For {@code TypedEventHandler.on(UnitJoined.class, Sql.statement(db,
     * "insert into unit ...", (insert, joined) -> insert.bind("id", joined.unitId())))}.
     */
    public static <E> Function<E, Mono<Void>> statement(DatabaseClient db, String sql,
                                                        BiFunction<GenericExecuteSpec, E, GenericExecuteSpec> bind) {
        return event -> bind.apply(db.sql(sql), event).fetch().rowsUpdated().then();
    }

    /** One column of the rows as an array, to bind and {@code unnest}: one statement however many rows. */
    public static <T, C> C[] column(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /** A uuid[] as text, for columns of arrays: unnest would flatten a uuid[][] into one long array. */
    public static String arrayLiteral(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    /** A table to insert rows of values into: its name, columns and their Java types (for nulls and arrays). */
    public static final class Table {

        private final BulkInsert<Object[]> insert;

        public Table(String name, List<String> columns, List<Class<?>> types) {
            this.insert = BulkInsert.ofRows(name, columns, types);
        }
    }

    /** Inserts the rows (values in column order) with one statement ({@link BulkInsert}). */
    public static Mono<Long> insertRows(DatabaseClient db, Table table, List<Object[]> rows) {
        return table.insert.run(db, rows);
    }
}
