package org.gridgov.wish.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents push back: reopening a wish closed less than 7 days ago (back to the grid's units, the
 * claim over, counted against the claimer), and urging an open wish once a day (催单).
 */
class WishPushBackIT extends WishIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId COMMUNITY_ZONE = ZoneId.of("Asia/Shanghai");

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(KafkaTopicReader.value(record));
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status, String type) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/" + type);
    }

    private JsonNode history(String token, UUID wish) {
        return getJson(token, "/api/wishes/" + wish + "/history").get("items");
    }

    @Test
    void the_resident_reopens_a_closed_wish_within_7_days_and_it_goes_back_to_the_grids_units() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-reopen-" + n.community);
        UUID wish = wishAt("CLOSED", n, resident);
        clock.advance(Duration.ofDays(6));

        post(resident, "/api/wishes/" + wish + "/reopen", "{\"reason\":\"灯又坏了，张阿姨家还是黑的\"}", "reopen-" + wish)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DISPATCHED")
                .jsonPath("$.claimer").doesNotExist()
                .jsonPath("$.rating").doesNotExist()
                .jsonPath("$.closedAt").doesNotExist()
                .jsonPath("$.sla.step").isEqualTo("CLAIM");
        // retried: the same answer, nothing changes twice
        post(resident, "/api/wishes/" + wish + "/reopen", "{\"reason\":\"灯又坏了，张阿姨家还是黑的\"}", "reopen-" + wish)
                .expectStatus().isOk().expectHeader().valueEquals("Idempotent-Replayed", "true");

        JsonNode seen = getJson(resident, "/api/wishes/" + wish);
        Instant due = Instant.parse(seen.get("sla").get("dueAt").asString());
        assertThat(Duration.between(clock.instant(), due)).as("the claim deadline starts again (3 days for elderly care)")
                .isBetween(Duration.ofDays(3).minusMinutes(5), Duration.ofDays(3));
        JsonNode history = history(resident, wish);
        assertThat(history.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("SUBMITTED", "DISPATCHED", "CLAIMED", "FULFILLED", "CLOSED", "REOPENED");
        assertThat(history.get(5).get("reason").asString()).isEqualTo("灯又坏了，张阿姨家还是黑的");
        assertThat(history.get(5).get("from").asString()).isEqualTo("CLOSED");

        List<ConsumerRecord<String, byte[]>> reopened = awaitEvents("org.gridgov.wish.reopened.v1", wish, 1);
        JsonNode event = data(reopened.get(0));
        assertThat(event.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(event.get("previousClaimer").get("id").asString()).isEqualTo(n.unitA.toString());
        assertThat(event.get("gridId").asString()).isEqualTo(n.grid.toString());
        assertThat(event.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(new String(KafkaTopicReader.value(reopened.get(0)))).as("the resident's words stay out of events")
                .doesNotContain("张阿姨");
        assertThat(settledEvents("org.gridgov.wish.reopened.v1", wish)).hasSize(1);

        // another unit takes it on and it closes again
        command(unit(n.unitB), wish, "claim", null).expectStatus().isOk();
        command(unit(n.unitB), wish, "fulfil", "{\"note\":\"换了新灯\"}").expectStatus().isOk();
        command(resident, wish, "close", "{\"rating\":4}").expectStatus().isOk();

        JsonNode grid = getJson(staffOf(n.grid), "/api/kpis?node=" + n.grid);
        assertThat(grid.get("reopened").asLong()).isEqualTo(1);
        assertThat(grid.get("reopenRate").decimalValue()).isEqualByComparingTo("1.000");
        JsonNode unitA = getJson(unit(n.unitA), "/api/kpis?unit=" + n.unitA);
        assertThat(unitA.get("reopened").asLong()).as("unit A's record keeps the reopening").isEqualTo(1);
        assertThat(unitA.get("reopenRate").decimalValue()).isEqualByComparingTo("1.000");
        JsonNode unitB = getJson(unit(n.unitB), "/api/kpis?unit=" + n.unitB);
        assertThat(unitB.get("closed").asLong()).isEqualTo(1);
        assertThat(unitB.get("reopened").asLong()).isZero();
        assertThat(unitB.get("reopenRate").decimalValue()).isEqualByComparingTo("0.000");
    }

    @Test
    void reopening_is_refused_too_late_for_others_before_closing_and_without_a_reason_and_nothing_changes() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-reopen-refused-" + n.community);
        UUID wish = wishAt("CLOSED", n, resident);
        UUID fulfilled = wishAt("FULFILLED", n, resident);

        problem(command(resident, wish, "reopen", "{\"reason\":\" \"}"), 400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("reason");
        problem(command(resident, wish, "reopen", "{\"reason\":\"" + "长".repeat(2001) + "\"}"), 400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("reason");
        problem(command(resident, wish, "reopen", "{}"), 400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("reason");
        problem(command(resident("r-neighbour-" + n.community), wish, "reopen", "{\"reason\":\"不是我的\"}"), 404, "not-found");
        problem(command(unit(n.unitA), wish, "reopen", "{\"reason\":\"我们再做一次\"}"), 403, "forbidden");
        problem(command(staffOf(n.grid), wish, "reopen", "{\"reason\":\"居民说没修好\"}"), 403, "forbidden");
        problem(command(resident, fulfilled, "reopen", "{\"reason\":\"还没好\"}"), 409, "conflict");

        clock.advance(Wish7Days.PLUS_A_MINUTE);
        problem(command(resident, wish, "reopen", "{\"reason\":\"还是坏的\"}"), 409, "conflict")
                .jsonPath("$.reason").isEqualTo("REOPEN_PERIOD_OVER")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("7 days"));

        assertThat(getJson(resident, "/api/wishes/" + wish).get("status").asString()).isEqualTo("CLOSED");
        assertThat(history(resident, wish)).hasSize(5);
        assertThat(settledEvents("org.gridgov.wish.reopened.v1", wish)).isEmpty();
        assertThat(getJson(resident, "/api/wishes/" + fulfilled).get("status").asString()).isEqualTo("FULFILLED");
    }

    /** Just past the reopening period. */
    private static final class Wish7Days {
        static final Duration PLUS_A_MINUTE = Duration.ofDays(7).plusMinutes(1);
    }

    @Test
    void the_resident_urges_an_open_wish_once_a_day_in_the_communitys_time_zone() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-urge-" + n.community);
        UUID wish = wishAt("CLAIMED", n, resident);
        String dueBefore = getJson(resident, "/api/wishes/" + wish).get("sla").get("dueAt").asString();

        post(resident, "/api/wishes/" + wish + "/urge", null, "urge-" + wish).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLAIMED");
        post(resident, "/api/wishes/" + wish + "/urge", null, "urge-" + wish).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(getJson(resident, "/api/wishes/" + wish).get("sla").get("dueAt").asString())
                .as("urging does not restart the deadline").isEqualTo(dueBefore);

        JsonNode urged = data(awaitEvents("org.gridgov.wish.urged.v1", wish, 1).get(0));
        assertThat(urged.get("gridId").asString()).isEqualTo(n.grid.toString());
        assertThat(urged.get("claimer").get("id").asString()).as("the claimer is told").isEqualTo(n.unitA.toString());
        assertThat(urged.get("urgeCount").asInt()).isEqualTo(1);

        Instant tomorrow = LocalDate.ofInstant(clock.instant(), COMMUNITY_ZONE).plusDays(1).atStartOfDay(COMMUNITY_ZONE)
                .toInstant();
        problem(command(resident, wish, "urge", null), 409, "conflict")
                .jsonPath("$.reason").isEqualTo("ALREADY_URGED_TODAY")
                .jsonPath("$.urgeableFrom").isEqualTo(tomorrow.toString());
        assertThat(settledEvents("org.gridgov.wish.urged.v1", wish)).hasSize(1);

        clock.advance(Duration.between(clock.instant(), tomorrow).plusMinutes(1));
        command(resident, wish, "urge", null).expectStatus().isOk();
        assertThat(data(awaitEvents("org.gridgov.wish.urged.v1", wish, 2).get(1)).get("urgeCount").asInt()).isEqualTo(2);
        assertThat(history(resident, wish).valueStream().filter(e -> e.get("action").asString().equals("URGED")))
                .hasSize(2);
        assertThat(getJson(staffOf(n.grid), "/api/kpis?node=" + n.grid).get("urges").asLong()).isEqualTo(2);
    }

    @Test
    void only_the_resident_urges_and_only_a_wish_still_waiting() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-urge-refused-" + n.community);
        UUID open = submit(resident, n);
        UUID fulfilled = wishAt("FULFILLED", n, resident);

        problem(command(resident("r-other-" + n.community), open, "urge", null), 404, "not-found");
        problem(command(staffOf(n.grid), open, "urge", null), 403, "forbidden");
        problem(command(resident, fulfilled, "urge", null), 409, "conflict");

        assertThat(settledEvents("org.gridgov.wish.urged.v1", open)).isEmpty();
        assertThat(settledEvents("org.gridgov.wish.urged.v1", fulfilled)).isEmpty();
        assertThat(history(resident, open)).hasSize(1);
    }
}
