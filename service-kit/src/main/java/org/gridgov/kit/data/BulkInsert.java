package org.gridgov.kit.data;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * One insert statement for any number of rows: each column's values are bound as one array and
 * {@code unnest}ed. The statement's text is the same whatever the number of rows, so PostgreSQL
 * prepares it once per connection, and it takes one parameter per column rather than one per value.
 * Rows go in in the order given: with {@code on conflict do nothing} the first of two rows for one key
 * wins.
 *
 * <pre>{@code
 * private static final BulkInsert<Notice> NOTICES = BulkInsert.<Notice>into("notification")
 *         .column("id", UUID.class, Notice::id)
 *         .column("recipient", String.class, notice -> notice.recipient().key())
 *         .timestamp("created_at", Notice::createdAt)
 *         .then("on conflict (recipient, event_id) do nothing");
 * ...
 * return NOTICES.run(db, notices).then();
 * }</pre>
 *
 * Instances are immutable; each method returns a new one, so a store keeps its inserts as constants.
 *
 * @param <T> what one row is made from
 */
public final class BulkInsert<T> {

    /** A column: its name, the array type its values are bound as, and how the select list reads them. */
    private record Column<T>(String name, String arrayType, String cast, Class<?> elementType,
                             Function<? super T, ?> value) {
    }

    private static final Map<Class<?>, String> ARRAY_TYPES = Map.of(UUID.class, "uuid", String.class, "text",
            Integer.class, "int4", Long.class, "int8", Double.class, "float8", Boolean.class, "bool",
            LocalDate.class, "date", OffsetDateTime.class, "timestamptz");

    private final String table;
    private final List<Column<T>> columns;
    private final String tail;
    private final String sql;

    private BulkInsert(String table, List<Column<T>> columns, String tail) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.tail = tail;
        this.sql = sql(table, this.columns, tail);
    }

    /** An insert into {@code table}, with no column yet. */
    public static <T> BulkInsert<T> into(String table) {
        return new BulkInsert<>(table, List.of(), "");
    }

    /**
     * A column of values of {@code type}: {@code UUID}, {@code String}, {@code Integer}, {@code Long}, {@code Double},
     * {@code Boolean}, {@code LocalDate} or {@code OffsetDateTime}; a null stays null.
     */
    public <V> BulkInsert<T> column(String name, Class<V> type, Function<? super T, ? extends V> value) {
        return with(name, arrayType(type), "", type, value);
    }

    /** An instant, stored as a UTC timestamp; a null stays null. */
    public BulkInsert<T> timestamp(String name, Function<? super T, Instant> value) {
        return with(name, "timestamptz", "", OffsetDateTime.class, row -> {
            Instant instant = value.apply(row);
            return instant == null ? null : Sql.utc(instant);
        });
    }

    /** A JSON document, given as its text, into a {@code jsonb} column. */
    public BulkInsert<T> json(String name, Function<? super T, String> value) {
        return with(name, "text", "::jsonb", String.class, value);
    }

    /** A list of ids into a {@code uuid[]} column (bound as array literals: unnest would flatten a uuid[][]). */
    public BulkInsert<T> uuids(String name, Function<? super T, List<UUID>> value) {
        return with(name, "text", "::uuid[]", String.class, row -> {
            List<UUID> ids = value.apply(row);
            return ids == null ? null : Sql.arrayLiteral(ids);
        });
    }

    /** What follows the rows, e.g. {@code on conflict (wish_id) do nothing}. */
    public BulkInsert<T> then(String clause) {
        return new BulkInsert<>(table, columns, clause);
    }

    /** Inserts one row per element of {@code rows}, in one statement; emits how many rows the statement wrote. */
    public Mono<Long> run(DatabaseClient db, List<? extends T> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql(sql);
        for (int c = 0; c < columns.size(); c++) {
            insert = insert.bind("c" + c, values(columns.get(c), rows));
        }
        return insert.fetch().rowsUpdated();
    }

    /** The statement, e.g. for a test or a log. */
    public String sql() {
        return sql;
    }

    private BulkInsert<T> with(String name, String arrayType, String cast, Class<?> elementType,
                               Function<? super T, ?> value) {
        List<Column<T>> more = new ArrayList<>(columns);
        more.add(new Column<>(name, arrayType, cast, elementType, value));
        return new BulkInsert<>(table, more, tail);
    }

    private static Object[] values(Column<?> column, List<?> rows) {
        Object[] values = (Object[]) Array.newInstance(column.elementType(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            values[r] = valueOf(column, rows.get(r));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> Object valueOf(Column<T> column, Object row) {
        return column.value().apply((T) row);
    }

    private static String sql(String table, List<? extends Column<?>> columns, String tail) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        StringBuilder select = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            Column<?> column = columns.get(c);
            select.append(c == 0 ? "" : ", ").append("r.").append(column.name()).append(column.cast());
            arrays.append(c == 0 ? "" : ", ").append(":c").append(c).append("::").append(column.arrayType()).append("[]");
        }
        return "insert into " + table + " (" + names + ") select " + select + " from unnest(" + arrays
                + ") with ordinality as r(" + names + ", row_ordinal) order by r.row_ordinal" + (tail.isEmpty() ? "" : " " + tail);
    }

    /**
     * An insert whose rows are {@code Object[]} in column order, each column's Java type given: for stores that
     * build rows generically ({@link Sql#insertRows}).
     */
    static BulkInsert<Object[]> ofRows(String table, List<String> names, List<Class<?>> types) {
        BulkInsert<Object[]> insert = into(table);
        for (int c = 0; c < names.size(); c++) {
            int index = c;
            Class<?> type = types.get(c);
            insert = type == UUID[].class
                    ? insert.uuids(names.get(c), row -> row[index] == null ? null : List.of((UUID[]) row[index]))
                    : insert.with(names.get(c), arrayType(type), "", type, row -> row[index]);
        }
        return insert;
    }

    private static String arrayType(Class<?> type) {
        String arrayType = ARRAY_TYPES.get(type);
        if (arrayType == null) {
            throw new IllegalArgumentException("no PostgreSQL array type known for " + type.getName());
        }
        return arrayType;
    }
}
