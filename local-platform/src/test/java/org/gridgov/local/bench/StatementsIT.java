package org.gridgov.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.gridgov.infra.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

class StatementsIT {

    @Test
    void counts_what_the_services_databases_ran_since_the_reset_per_operation() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().statementStatistics(true).start()) {
            postgres.createDatabase("wish");
            PostgresBaseline baseline = new PostgresBaseline(postgres);
            baseline.prepare();
            execute(postgres, "wish", "create table wish (id int primary key)");
            Statements statements = new Statements(baseline);

            statements.reset();
            // one connection: the driver's own "SET application_name" at connecting counts too
            execute(postgres, "wish", "insert into wish values (1)", "insert into wish values (2)",
                    "insert into wish values (3)", "insert into wish values (4)");
            execute(postgres, "bench", "select 1");

            String report = statements.perOperation(2);
            assertThat(report).startsWith("2.5 statements, ").contains("(2 operations)")
                    .contains("wish ").contains("2.0× \"insert into wish values ($1)\"").doesNotContain("select 1");
        }
    }

    @Test
    void without_statement_statistics_the_server_has_none_to_read() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().start()) {
            PostgresBaseline baseline = new PostgresBaseline(postgres);
            baseline.prepare();
            Statements statements = new Statements(baseline);

            assertThatThrownBy(statements::reset).isInstanceOf(SQLException.class)
                    .hasMessageContaining("pg_stat_statements must be loaded via");
        }
    }

    private static void execute(EmbeddedPostgresServer postgres, String database, String... sqls) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password()); Statement statement = connection.createStatement()) {
            for (String sql : sqls) {
                statement.execute(sql);
            }
        }
    }
}
