package org.gridgov.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    @Test
    void a_database_is_created_once_and_answers_queries() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().start()) {
            postgres.createDatabase("wish");
            postgres.createDatabase("wish");

            assertThat(queryOne(postgres, "wish", "SELECT current_database()")).isEqualTo("wish");
            assertThat(postgres.r2dbcUrl("wish")).isEqualTo("r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/wish");
        }
    }

    @Test
    void data_survives_a_stop_and_start_on_the_same_port() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().start()) {
            postgres.createDatabase("grid");
            execute(postgres, "grid", "CREATE TABLE node (name text); INSERT INTO node VALUES ('太平街社区')");
            int port = postgres.port();

            postgres.stop();
            assertThat(postgres.isRunning()).isFalse();
            assertThatThrownBy(() -> queryOne(postgres, "grid", "SELECT 1")).isInstanceOf(SQLException.class);

            postgres.start();
            assertThat(postgres.port()).isEqualTo(port);
            assertThat(queryOne(postgres, "grid", "SELECT name FROM node")).isEqualTo("太平街社区");
        }
    }

    @Test
    void with_durable_commits_every_acknowledged_commit_survives_a_kill_minus_9() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().start()) {
            assertThat(queryOne(postgres, "postgres", "SHOW synchronous_commit")).isEqualTo("off");
            postgres.durableCommits(true);
            postgres.stop();
            postgres.start();
            assertThat(queryOne(postgres, "postgres", "SHOW fsync")).isEqualTo("on");
            assertThat(queryOne(postgres, "postgres", "SHOW synchronous_commit")).isEqualTo("on");
            postgres.createDatabase("wish");
            execute(postgres, "wish", "CREATE TABLE wish (n int); INSERT INTO wish SELECT generate_series(1, 1000)");
            try (Connection open = connect(postgres, "wish"); Statement uncommitted = open.createStatement()) {
                open.setAutoCommit(false);
                uncommitted.execute("INSERT INTO wish VALUES (-1)");

                postgres.kill();
                assertThat(postgres.isRunning()).isFalse();
                assertThatThrownBy(() -> queryOne(postgres, "wish", "SELECT 1")).isInstanceOf(SQLException.class);
            }

            postgres.start();
            assertThat(queryOne(postgres, "wish", "SELECT count(*) || ' ' || min(n) FROM wish")).isEqualTo("1000 1");
        }
    }

    @Test
    void a_kept_data_directory_outlives_the_server(@TempDir Path dir) throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().dataDirectory(dir).start()) {
            postgres.createDatabase("member");
            execute(postgres, "member", "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().dataDirectory(dir).start()) {
            assertThat(queryOne(postgres, "member", "SELECT id::text FROM kept")).isEqualTo("42");
        }
    }

    @Test
    void a_server_orphaned_by_a_killed_process_is_taken_over(@TempDir Path dir) throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PostgresOwner.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals(PostgresOwner.READY));
            assertThat(line).as("the owner process started PostgreSQL").isEqualTo(PostgresOwner.READY);
        }
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(Files.exists(dir.resolve("postmaster.pid"))).as("PostgreSQL outlived its owner").isTrue();

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().dataDirectory(dir).start()) {
            assertThat(queryOne(postgres, "orphan", "SELECT current_database()")).isEqualTo("orphan");
        }
    }

    /** Runs in a child JVM that the test kills, leaving its PostgreSQL behind like a killed launcher. */
    static final class PostgresOwner {
        static final String READY = "postgres-owner-ready";

        public static void main(String[] args) throws InterruptedException {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                    .dataDirectory(Path.of(args[0]))
                    .stopOnJvmExit(false)
                    .start();
            postgres.createDatabase("orphan");
            System.out.println(READY);
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static String queryOne(EmbeddedPostgresServer postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(EmbeddedPostgresServer postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
