package org.gridgov.wish.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.gridgov.wish.sla.SlaTimers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * More information: the grid asks the resident a question (AWAITING_INFO, the SLA deadline paused
 * in the database), the resident answers (back where it was, the deadline later by the time
 * waited). The answer is personal data: sealed at rest, shown only to those who see the resident's
 * data, never in events.
 */
class WishInformationIT extends WishIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ANSWER = "我住五楼，电话13900001111，下午在家";

    @Autowired
    private SlaTimers timers;
    @Autowired
    private DatabaseClient db;

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(KafkaTopicReader.value(record));
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status, String type) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/" + type);
    }

    private UUID order(String token, Neighbourhood n) {
        JsonNode created = post(token, "/api/wishes", wishBody(n.address).replace("ELDERLY_CARE", "OTHER"), null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(created.get("id").asString());
    }

    @Test
    void the_grid_asks_the_deadline_waits_and_the_residents_answer_sends_the_wish_back_where_it_was() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-info-" + n.community);
        String staff = staffOf(n.grid);
        UUID wish = order(resident, n);
        Instant dueBefore = Instant.parse(getJson(resident, "/api/wishes/" + wish).get("sla").get("dueAt").asString());

        clock.advance(Duration.ofHours(1));
        command(staff, wish, "information-request", "{\"question\":\"请问是几号楼几层？\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("AWAITING_INFO")
                .jsonPath("$.sla.paused").isEqualTo(true);
        JsonNode requested = data(awaitEvents("org.gridgov.wish.information-requested.v1", wish, 1).get(0));
        assertThat(requested.get("status").asString()).isEqualTo("AWAITING_INFO");
        assertThat(requested.get("questionLength").asInt()).isEqualTo("请问是几号楼几层？".length());
        assertThat(requested.get("gridId").asString()).isEqualTo(n.grid.toString());

        // far past the 24-hour dispatch deadline: no reminder, no escalation while the grid waits
        clock.advance(Duration.ofHours(40));
        timers.fireDue().block();
        assertThat(settledEvents("org.gridgov.wish.reminded.v1", wish)).isEmpty();
        assertThat(settledEvents("org.gridgov.wish.escalated.v1", wish)).isEmpty();
        problem(command(unit(n.unitA), wish, "claim", null), 409, "conflict");

        String body = "{\"answer\":\"" + ANSWER + "\"}";
        post(resident, "/api/wishes/" + wish + "/information", body, "answer-" + wish)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED")
                .jsonPath("$.sla.paused").isEqualTo(false);
        post(resident, "/api/wishes/" + wish + "/information", body, "answer-" + wish)
                .expectStatus().isOk().expectHeader().valueEquals("Idempotent-Replayed", "true");

        JsonNode history = getJson(resident, "/api/wishes/" + wish + "/history").get("items");
        assertThat(history.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("SUBMITTED", "INFORMATION_REQUESTED", "INFORMATION_GIVEN");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("请问是几号楼几层？");
        assertThat(history.get(2).path("reason").isMissingNode() || history.get(2).get("reason").isNull()).isTrue();
        Duration waited = Duration.between(Instant.parse(history.get(1).get("at").asString()),
                Instant.parse(history.get(2).get("at").asString()));
        JsonNode sla = getJson(resident, "/api/wishes/" + wish).get("sla");
        assertThat(Instant.parse(sla.get("dueAt").asString())).as("the deadline moved on by the time waited")
                .isEqualTo(dueBefore.plus(waited));
        assertThat(sla.get("missedDeadline").asBoolean()).isFalse();

        ConsumerRecord<String, byte[]> given = awaitEvents("org.gridgov.wish.information-given.v1", wish, 1).get(0);
        assertThat(data(given).get("answerLength").asInt()).isEqualTo(ANSWER.length());
        assertThat(data(given).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(new String(KafkaTopicReader.value(given))).doesNotContain("13900001111").doesNotContain("五楼");
        assertThat(settledEvents("org.gridgov.wish.information-given.v1", wish)).hasSize(1);

        String stored = db.sql("select answer from wish_information where wish_id = :id").bind("id", wish)
                .map(row -> row.get("answer", String.class)).one().block();
        assertThat(stored).as("sealed at rest").startsWith("v1.").doesNotContain("13900001111");

        for (String token : new String[] {resident, staff}) {
            JsonNode items = getJson(token, "/api/wishes/" + wish + "/information").get("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).get("question").asString()).isEqualTo("请问是几号楼几层？");
            assertThat(items.get(0).get("answer").asString()).isEqualTo(ANSWER);
        }
        for (String token : new String[] {unit(n.unitA), admin("COMMUNITY_ADMIN", n.community)}) {
            JsonNode item = getJson(token, "/api/wishes/" + wish + "/information").get("items").get(0);
            assertThat(item.path("answer").isNull() || item.path("answer").isMissingNode()).isTrue();
            assertThat(item.get("answerMasked").asBoolean()).isTrue();
        }

        // the deadline runs again: once the shifted one passes, the timer fires
        clock.advance(Duration.between(clock.instant(), dueBefore.plus(waited)).plusMinutes(1));
        awaitEvents("org.gridgov.wish.escalated.v1", wish, 1);
    }

    @Test
    void only_the_grid_asks_only_the_resident_answers_and_only_while_a_question_is_open() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-info-refused-" + n.community);
        UUID wish = order(resident, n);
        UUID claimed = wishAt("CLAIMED", n, resident);

        problem(command(staffOf(n.grid), wish, "information-request", "{\"question\":\" \"}"), 400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("question");
        problem(command(resident, wish, "information-request", "{\"question\":\"自问自答\"}"), 403, "forbidden");
        problem(command(unit(n.unitA), wish, "information-request", "{\"question\":\"几楼\"}"), 403, "forbidden");
        problem(command(staffOf(n.otherGrid), wish, "information-request", "{\"question\":\"几楼\"}"), 404, "not-found");
        problem(command(staffOf(n.grid), claimed, "information-request", "{\"question\":\"几楼\"}"), 409, "conflict");
        problem(command(resident, wish, "information", "{\"answer\":\"五楼\"}"), 409, "conflict");

        command(staffOf(n.grid), wish, "information-request", "{\"question\":\"几楼？\"}").expectStatus().isOk();
        problem(command(resident, wish, "information", "{\"answer\":\"\"}"), 400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("answer");
        problem(command(resident("r-nosy-" + n.community), wish, "information", "{\"answer\":\"五楼\"}"), 404, "not-found");
        problem(command(unit(n.unitA), wish, "information", "{\"answer\":\"五楼\"}"), 403, "forbidden");
        problem(command(staffOf(n.grid), wish, "information-request", "{\"question\":\"还有？\"}"), 409, "conflict");

        assertThat(getJson(resident, "/api/wishes/" + wish).get("status").asString()).isEqualTo("AWAITING_INFO");
        assertThat(getJson(resident, "/api/wishes/" + wish + "/history").get("items")).hasSize(2);
        assertThat(settledEvents("org.gridgov.wish.information-requested.v1", wish)).hasSize(1);
        assertThat(settledEvents("org.gridgov.wish.information-given.v1", wish)).isEmpty();
        assertThat(getJson(resident, "/api/wishes/" + claimed).get("status").asString()).isEqualTo("CLAIMED");
    }
}
