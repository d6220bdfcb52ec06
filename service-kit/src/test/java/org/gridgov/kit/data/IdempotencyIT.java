package org.gridgov.kit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** A retried command with the same Idempotency-Key returns the first result and changes nothing. */
class IdempotencyIT extends ServiceIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    private final String staff = token(TokenRequest.of("staff-" + UUID.randomUUID(), "GRID_STAFF"));

    private EntityExchangeResult<Map> post(String token, String key, String name) {
        return post(token, "/api/parcels", key, name);
    }

    private EntityExchangeResult<Map> post(String token, String path, String key, String name) {
        return web.post().uri(path)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set(Idempotency.HEADER, key);
                })
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectBody(Map.class).returnResult();
    }

    @Test
    void a_repeat_with_the_same_key_returns_the_first_response_and_changes_nothing() {
        String key = UUID.randomUUID().toString();
        String name = "idempotent " + key;

        var first = post(staff, key, name);
        var repeat = post(staff, key, name);

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(repeat.getStatus().value()).isEqualTo(201);
        assertThat(repeat.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(repeat.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(repeat.getResponseHeaders().getFirst(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.getResponseHeaders().getFirst(Idempotency.REPLAYED_HEADER)).isNull();
        assertThat(rows("parcel where name = '" + name + "'")).isEqualTo(1);
        assertThat(rows("kit_outbox where data->>'name' = '" + name + "'")).isEqualTo(1);
    }

    @Test
    void concurrent_repeats_apply_once() {
        String key = UUID.randomUUID().toString();
        String name = "raced " + key;

        List<Object> ids = Flux.range(0, 8)
                .parallel(8).runOn(Schedulers.boundedElastic())
                .map(i -> post(staff, key, name).getResponseBody().get("id"))
                .sequential().collectList().block(Duration.ofSeconds(60));

        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(rows("parcel where name = '" + name + "'")).isEqualTo(1);
    }

    @Test
    void reusing_a_key_for_a_different_request_is_a_422_problem() {
        String key = UUID.randomUUID().toString();
        post(staff, key, "original " + key);

        web.post().uri("/api/parcels")
                .headers(h -> {
                    h.setBearerAuth(staff);
                    h.set(Idempotency.HEADER, key);
                })
                .bodyValue(Map.of("name", "something else"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/idempotency-key-reused");
        assertThat(rows("parcel where name = 'something else'")).isZero();
    }

    @Test
    void a_command_answered_with_its_view_runs_once_per_key_and_refuses_another_request_under_it() {
        String id = (String) post(staff, UUID.randomUUID().toString(), "to rename").getResponseBody().get("id");
        String key = UUID.randomUUID().toString();

        var first = rename(id, key, "renamed " + key);
        rename(id, UUID.randomUUID().toString(), "renamed again " + key);
        var repeat = rename(id, key, "renamed " + key);

        assertThat(first.getStatus().value()).isEqualTo(200);
        assertThat(first.getResponseBody()).isEqualTo(Map.of("id", id, "name", "renamed " + key));
        assertThat(repeat.getStatus().value()).isEqualTo(200);
        assertThat(repeat.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(repeat.getResponseHeaders().getFirst(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(rename(id, key, "renamed otherwise " + key).getStatus().value()).isEqualTo(422);
        assertThat(rows("parcel where name = 'renamed again " + key + "'")).isEqualTo(1);
    }

    private EntityExchangeResult<Map> rename(String id, String key, String name) {
        return post(staff, "/api/parcels/" + id + "/renaming", key, name);
    }

    @Test
    void the_same_key_from_another_caller_is_a_separate_request() {
        String key = UUID.randomUUID().toString();
        String other = token(TokenRequest.of("staff-" + UUID.randomUUID(), "GRID_STAFF"));

        var mine = post(staff, key, "mine " + key);
        var theirs = post(other, key, "theirs " + key);

        assertThat(theirs.getStatus().value()).isEqualTo(201);
        assertThat(theirs.getResponseBody().get("id")).isNotEqualTo(mine.getResponseBody().get("id"));
    }

    @Test
    void a_malformed_key_is_a_400_problem() {
        web.post().uri("/api/parcels")
                .headers(h -> {
                    h.setBearerAuth(staff);
                    h.set(Idempotency.HEADER, "x".repeat(300));
                })
                .bodyValue(Map.of("name", "never stored"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private long rows(String fromWhere) {
        return db.sql("select count(*) from " + fromWhere).map(row -> row.get(0, Long.class)).one().block();
    }
}
