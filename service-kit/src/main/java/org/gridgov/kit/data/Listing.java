package org.gridgov.kit.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridgov.kit.web.Cursor;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Builds the SQL of a newest-first list with optional filters and keyset pagination, binding every
 * value (never concatenating it). {@code timeColumn} and {@code idColumn} order the list; a page is
 * read with one row more than it holds (see {@link org.gridgov.kit.web.Page}).
 */
public final class Listing {

    private final String select;
    private final String timeColumn;
    private final String idColumn;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Listing(String select, String timeColumn, String idColumn) {
        this.select = select;
        this.timeColumn = timeColumn;
        this.idColumn = idColumn;
    }

    /** Adds {@code condition} (naming {@code :name}) when the value is present. */
    public Listing where(String condition, String name, Optional<?> value) {
        value.ifPresent(present -> where(condition, name, (Object) present));
        return this;
    }

    public Listing where(String condition, String name, Object value) {
        conditions.add(condition);
        values.put(name, value);
        return this;
    }

    /** Adds a condition whose values are bound separately (e.g. an OR over several of them). */
    public Listing where(String condition, Map<String, Object> conditionValues) {
        conditions.add(condition);
        values.putAll(conditionValues);
        return this;
    }

    public DatabaseClient.GenericExecuteSpec page(DatabaseClient db, Optional<Cursor.TimeAndId> after, int limit) {
        after.ifPresent(cursor -> {
            conditions.add("(" + timeColumn + ", " + idColumn + ") < (:cursorAt, :cursorId)");
            values.put("cursorAt", Sql.utc(cursor.at()));
            values.put("cursorId", cursor.id());
        });
        return query(db, " limit " + (limit + 1));
    }

    /** Rows {@code offset} to {@code offset + limit} of the newest-first list (numbered pages, as Open311 apps page). */
    public DatabaseClient.GenericExecuteSpec slice(DatabaseClient db, long offset, int limit) {
        return query(db, " limit " + limit + " offset " + offset);
    }

    private DatabaseClient.GenericExecuteSpec query(DatabaseClient db, String range) {
        String sql = select + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + timeColumn + " desc, " + idColumn + " desc" + range;
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec;
    }
}
