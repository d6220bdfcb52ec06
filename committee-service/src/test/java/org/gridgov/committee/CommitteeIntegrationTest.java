package org.gridgov.committee;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** committee-service against real Kafka and PostgreSQL, fed with real CloudEvents from the other services' topics. */
public abstract class CommitteeIntegrationTest extends ServiceIntegrationTest {

    protected static final int YEAR = 2026;
    protected final JsonMapper json = JsonMapper.builder().build();
    protected static CommitteeFeed feed;

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient db;

    @BeforeAll
    static void openFeed() {
        feed = new CommitteeFeed(infrastructure().kafka().bootstrapServers());
    }

    @AfterAll
    static void closeFeed() {
        feed.close();
    }

    protected static String admin(String role, UUID node) {
        return token(TokenRequest.of(role.toLowerCase() + "-" + node, role).withJurisdiction(node.toString()));
    }

    protected static String unitToken(UUID unit) {
        return token(TokenRequest.of("unit-" + unit, "UNIT").withUnit(unit.toString()));
    }

    protected static String resident(UUID grid) {
        return token(TokenRequest.of("resident-" + UUID.randomUUID(), "RESIDENT").withJurisdiction(grid.toString()));
    }

    /** Waits until {@code sql} (one bound {@code :id}) counts {@code expected}. */
    protected void awaitCount(String sql, Object bound, long expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                db.sql(sql).bind("id", bound).map(row -> row.get(0, Long.class)).one().block() == expected);
    }

    /** A community whose committee has these units and needs, all arrived in the read models. */
    protected record Committee(CommitteeFeed.Community place, List<UUID> units, List<UUID> needs) {

        public UUID community() {
            return place.community();
        }
    }

    protected Committee committee(int units, int needs) {
        CommitteeFeed.Community place = feed.community();
        List<UUID> unitIds = java.util.stream.IntStream.range(0, units)
                .mapToObj(i -> feed.unit(place.community(), "单位" + i)).toList();
        List<UUID> needIds = java.util.stream.IntStream.range(0, needs)
                .mapToObj(i -> feed.need(place, i % 2 == 0 ? "ELDERLY_CARE" : "ENVIRONMENT", "需求" + i)).toList();
        awaitCount("select count(*) from kit_grid_node where :id = any(path) or id = :id", place.community(), 2);
        awaitCount("select count(*) from unit where community_ids @> array[:id]::uuid[]", place.community(), units);
        awaitCount("select count(*) from need where community_id = :id", place.community(), needs);
        return new Committee(place, unitIds, needIds);
    }

    /** matching-service computed a version of the community's list, and it has reached the committee. */
    protected UUID computedList(Committee committee, int version, Map<UUID, UUID> unitOfNeed, List<UUID> unmatched) {
        UUID list = feed.projectList(committee.community(), YEAR, version, unitOfNeed, unmatched);
        awaitCount("select count(*) from project_list where id = :id", list, 1);
        return list;
    }

    protected UUID handMade(Committee committee, String title) {
        return UUID.fromString(body(post("/api/projects", admin("COMMUNITY_ADMIN", committee.community()),
                Map.of("communityId", committee.community(), "year", YEAR, "title", title, "category", "ELDERLY_CARE"))
                .expectStatus().isCreated()).path("id").asString());
    }

    protected WebTestClient.ResponseSpec post(String uri, String token, Object body) {
        return post(uri, token, body, null);
    }

    protected WebTestClient.ResponseSpec post(String uri, String token, Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = web.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
            }
        });
        return (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)).exchange();
    }

    protected JsonNode get(String uri, String token) {
        return body(web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk());
    }

    protected JsonNode body(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectBody(String.class).returnResult().getResponseBody());
    }
}
