package org.gridgov.local.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What PostgreSQL ran for an operation, from {@code pg_stat_statements} (the local platform's server loads it):
 * statements and execution time per operation in all the services' databases, and the statements that took most.
 */
record Statements(PostgresBaseline baseline) {

    private static final int MOST = 8;

    /** Forgets what ran so far; the next {@link #perOperation} counts from here. */
    void reset() throws SQLException {
        try (Connection connection = baseline.connect(); Statement sql = connection.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.execute("select pg_stat_statements_reset()");
        }
    }

    /** Statements and milliseconds of execution per operation, in all, and the ones that took most. */
    String perOperation(long operations) throws SQLException {
        double per = Math.max(1, operations);
        List<String> most = new ArrayList<>();
        double calls = 0;
        double millis = 0;
        try (Connection connection = baseline.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("""
                     select d.datname, s.calls, s.total_exec_time, regexp_replace(s.query, '\\s+', ' ', 'g') as query
                     from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname <> current_database() order by s.total_exec_time desc""")) {
            while (rows.next()) {
                calls += rows.getLong("calls");
                millis += rows.getDouble("total_exec_time");
                if (most.size() < MOST) {
                    String query = rows.getString("query");
                    most.add(String.format(Locale.ROOT, "%s %.2f ms, %.1f× \"%s\"", rows.getString("datname"),
                            rows.getDouble("total_exec_time") / per, rows.getLong("calls") / per,
                            query.length() > 120 ? query.substring(0, 120) + "…" : query));
                }
            }
        }
        return String.format(Locale.ROOT, "%.1f statements, %.2f ms executing, per operation (%d operations); most: %s",
                calls / per, millis / per, operations, String.join("; ", most));
    }
}
