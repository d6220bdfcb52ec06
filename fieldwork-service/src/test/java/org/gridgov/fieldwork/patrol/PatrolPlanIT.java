package org.gridgov.fieldwork.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.fieldwork.FieldworkIntegrationTest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Patrol plans (巡查计划) on real PostgreSQL and Kafka with a controllable clock: a grid's plan, its field-naming 400s,
 * 403s, 404s, the idempotent retry and its replacement; a patrol started moves the due time on; each due time passed without one is recorded
 * once as a missed patrol, counted in a row, announced, and shown to the community with the plan.
 */
@Import(TestClock.Config.class)
@TestPropertySource(properties = "gridgov.fieldwork.patrol.poll-interval=1h")
class PatrolPlanIT extends FieldworkIntegrationTest {

    private WebTestClient.ResponseSpec put(String uri, String token, Object body) {
        return put(uri, token, body, null);
    }

    private WebTestClient.ResponseSpec put(String uri, String token, Object body, String idempotencyKey) {
        return web.put().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
            }
        }).contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Autowired
    TestClock clock;

    @Autowired
    PatrolPlanSupervision supervision;

    private static Map<String, Object> plan(Object places, Object everyDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("places", places);
        body.put("everyDays", everyDays);
        return body;
    }

    @Test
    void a_grids_plan_records_each_patrol_missed_once_and_shows_it_to_the_community() {
        Instant start = Instant.parse("2026-04-06T01:00:00Z");
        clock.set(start);
        Place place = place();
        Place elsewhere = place();
        String staff = as("GRID_STAFF", place.grid());
        String admin = as("COMMUNITY_ADMIN", place.community());
        List<String> places = List.of("太平街12号楼下", "农贸市场", "朝华新城东门");

        String path = "/api/patrol-plans/" + place.grid();
        assertThat(fieldOf(put(path, staff, plan(List.of(), 2)).expectStatus().isBadRequest())).isEqualTo("places");
        assertThat(fieldOf(put(path, staff, plan(List.of(" "), 2)).expectStatus().isBadRequest())).isEqualTo("places[0]");
        assertThat(fieldOf(put(path, staff, plan(places, 0)).expectStatus().isBadRequest())).isEqualTo("everyDays");
        assertThat(fieldOf(put(path, staff, plan(places, null)).expectStatus().isBadRequest())).isEqualTo("everyDays");
        put("/api/patrol-plans/" + place.microGrid(), staff, plan(places, 2)).expectStatus().isNotFound();
        put("/api/patrol-plans/" + UUID.randomUUID(), staff, plan(places, 2)).expectStatus().isNotFound();
        put(path, as("GRID_STAFF", elsewhere.grid()), plan(places, 2)).expectStatus().isForbidden();
        getting(path, staff).expectStatus().isNotFound();

        String key = UUID.randomUUID().toString();
        JsonNode planned = body(put(path, staff, plan(places, 3), key).expectStatus().isOk());
        assertThat(planned.path("everyDays").asInt()).isEqualTo(3);
        put(path, staff, plan(places, 3), key).expectStatus().isOk().expectHeader()
                .valueEquals("Idempotent-Replayed", "true");
        // set again by the community's admin: every two days from now
        JsonNode replaced = body(put(path, admin, plan(places, 2)).expectStatus().isOk());
        UUID id = UUID.fromString(replaced.path("id").asString());
        assertThat(id).as("a grid's plan is known by its grid").isEqualTo(place.grid());
        assertThat(replaced.path("dueAt").asString()).startsWith("2026-04-08T01:00");

        // a patrol on day 1 moves the due time to day 3
        clock.set(start.plus(Duration.ofDays(1)));
        assertThat(supervision.fireDue().block()).isZero();
        post("/api/patrols", staff, Map.of("gridId", place.grid())).expectStatus().isCreated();
        assertThat(get("/api/patrol-plans/" + id, staff).path("dueAt").asString()).startsWith("2026-04-09T01:00");

        clock.set(Instant.parse("2026-04-09T00:59:00Z"));
        assertThat(supervision.fireDue().block()).as("not due yet").isZero();
        clock.set(Instant.parse("2026-04-09T01:05:00Z"));
        assertThat(supervision.fireDue().block()).as("the day-3 patrol missed").isEqualTo(1);
        assertThat(supervision.fireDue().block()).as("recorded once").isZero();
        clock.set(Instant.parse("2026-04-11T02:00:00Z"));
        assertThat(supervision.fireDue().block()).as("the day-5 patrol missed too").isEqualTo(1);

        JsonNode shown = get("/api/patrol-plans?node=" + place.community(), admin);
        assertThat(shown).hasSize(1);
        JsonNode plan = shown.get(0);
        assertThat(plan.path("id").asString()).isEqualTo(id.toString());
        assertThat(plan.path("places")).extracting(JsonNode::asString).containsExactlyElementsOf(places);
        assertThat(plan.path("missedInARow").asInt()).isEqualTo(2);
        assertThat(plan.path("missed")).extracting(JsonNode::asString)
                .containsExactly("2026-04-11T01:00:00Z", "2026-04-09T01:00:00Z");
        assertThat(plan.path("dueAt").asString()).startsWith("2026-04-13T01:00");
        getting("/api/patrol-plans/" + id, as("GRID_STAFF", elsewhere.grid())).expectStatus().isNotFound();
        getting("/api/patrol-plans?node=" + place.community(), as("GRID_STAFF", elsewhere.grid())).expectStatus().isForbidden();

        // patrolled again: nothing missed in a row any more
        post("/api/patrols", staff, Map.of("gridId", place.grid())).expectStatus().isCreated();
        assertThat(get("/api/patrol-plans/" + id, staff).path("missedInARow").asInt()).isZero();

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<JsonNode> missed = events.settle(record -> id.toString().equals(record.key())
                            && EventType.PATROL_MISSED.type().equals(KafkaTopicReader.header(record, "ce_type")),
                    Duration.ofSeconds(3)).stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(missed).extracting(e -> e.path("missedInARow").asInt()).containsExactly(1, 2);
            assertThat(missed.get(0).path("gridId").asString()).isEqualTo(place.grid().toString());
            assertThat(missed.get(0).path("dueAt").asString()).isEqualTo("2026-04-09T01:00:00Z");
        }
    }
}
