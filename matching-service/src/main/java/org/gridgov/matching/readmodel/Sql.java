package org.gridgov.matching.readmodel;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Statement helpers the read model and the features share. */
public final class Sql {

    // PostgreSQL takes at most 65,535 parameters per statement
    private static final int MAX_PARAMETERS = 30_000;

    private Sql() {
    }

    /** Binds a value that may be null (R2DBC needs the type of a null). */
    public static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** A table to insert into: its name, columns and their types (for nulls). */
    public record Table(String name, List<String> columns, List<Class<?>> types) {
    }

    /**
     * Inserts the rows (values in column order) with one multi-row statement per few thousand rows:
     * R2DBC would make a round trip per row otherwise.
     */
    public static Mono<Long> insertRows(DatabaseClient db, Table table, List<Object[]> rows) {
        int perStatement = Math.max(1, MAX_PARAMETERS / table.columns().size());
        int chunks = (rows.size() + perStatement - 1) / perStatement;
        return Flux.range(0, chunks)
                .concatMap(chunk -> insertChunk(db, table, rows.subList(chunk * perStatement,
                        Math.min(rows.size(), (chunk + 1) * perStatement))))
                .reduce(0L, Long::sum);
    }

    private static Mono<Long> insertChunk(DatabaseClient db, Table table, List<Object[]> rows) {
        int width = table.columns().size();
        StringBuilder sql = new StringBuilder("insert into ").append(table.name())
                .append(" (").append(String.join(", ", table.columns())).append(") values ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < width; c++) {
                sql.append(c == 0 ? "" : ", ").append(":p").append(r).append('_').append(c);
            }
            sql.append(')');
        }
        GenericExecuteSpec insert = db.sql(sql.toString());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < width; c++) {
                Object value = rows.get(r)[c];
                String name = "p" + r + "_" + c;
                insert = value == null ? insert.bindNull(name, table.types().get(c)) : insert.bind(name, value);
            }
        }
        return insert.fetch().rowsUpdated();
    }
}
