package org.gridgov.kit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.PostgresServer;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * After the database restarts (or a proxy drops connections), every connection the pool holds is
 * dead. The first request afterwards must still be served: the pool discards dead connections and
 * opens fresh ones within the same acquisition, instead of answering 503 once per dead connection.
 */
class StaleConnectionsIT extends ServiceIntegrationTest {

    private static final int POOL_SIZE = 10;

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void a_request_after_every_pooled_connection_died_is_served() throws Exception {
        String database = db.sql("select current_database()").map(row -> row.get(0, String.class)).one().block();
        fillThePool();
        assertThat(backends(database)).as("pooled connections before the outage").isGreaterThanOrEqualTo(POOL_SIZE);

        terminateBackends(database);
        Thread.sleep(300);

        web.post().uri("/api/parcels")
                .headers(h -> h.setBearerAuth(token("GRID_STAFF")))
                .bodyValue(Map.of("name", "after the outage " + UUID.randomUUID()))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void the_first_request_after_the_database_restarted_is_served() {
        fillThePool();
        EmbeddedPostgresServer postgres = (EmbeddedPostgresServer) infrastructure().postgres();
        postgres.stop();
        // what callers meet while it is down: a 503 to retry, and the pool's attempts to reconnect fail
        for (int i = 0; i < 3; i++) {
            web.post().uri("/api/parcels")
                    .headers(h -> h.setBearerAuth(token("GRID_STAFF")))
                    .bodyValue(Map.of("name", "during the outage " + UUID.randomUUID()))
                    .exchange()
                    .expectStatus().isEqualTo(503);
        }
        postgres.start();

        web.post().uri("/api/parcels")
                .headers(h -> h.setBearerAuth(token("GRID_STAFF")))
                .bodyValue(Map.of("name", "after the restart " + UUID.randomUUID()))
                .exchange()
                .expectStatus().isCreated();
    }

    private void fillThePool() {
        Flux.range(0, POOL_SIZE)
                .flatMap(i -> db.sql("select pg_sleep(0.3)").then(), POOL_SIZE)
                .blockLast(Duration.ofSeconds(30));
    }

    private static int backends(String database) throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from pg_stat_activity where datname = '" + database + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void terminateBackends(String database) throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
        }
    }

    private static Connection admin() throws SQLException {
        PostgresServer postgres = infrastructure().postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
    }
}
