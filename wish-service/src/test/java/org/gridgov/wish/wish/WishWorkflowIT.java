package org.gridgov.wish.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.wish.readmodel.MatchingCandidates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every transition of the workflow through the API, with what it leaves in the history and on wish.events. */
class WishWorkflowIT extends WishIntegrationTest {

    @Autowired
    private MatchingCandidates matchingCandidates;

    @Autowired
    private TransactionalOperator tx;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(KafkaTopicReader.value(record));
    }

    @Test
    void a_resident_orders_a_wish_placed_in_the_grid_of_their_address() {
        Neighbourhood n = neighbourhood();
        // typed the way residents type: full-width digits, spaces
        String typed = " " + n.address.replace("3栋2单元501", "３栋 ２单元 ５０１") + " ";

        JsonNode created = post(resident("r-order"), "/api/wishes", wishBody(typed), null)
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/wishes/"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(created.get("gridId").asString()).isEqualTo(n.grid.toString());
        assertThat(created.get("microGridId").asString()).isEqualTo(n.microGrid.toString());
        assertThat(created.get("communityId").asString()).isEqualTo(n.community.toString());
        assertThat(created.get("sla").get("step").asString()).isEqualTo("DISPATCH");
        UUID wish = UUID.fromString(created.get("id").asString());

        JsonNode submitted = data(awaitEvents("org.gridgov.wish.submitted.v1", wish, 1).get(0));
        assertThat(submitted.get("gridId").asString()).isEqualTo(n.grid.toString());
        assertThat(submitted.get("actor").get("role").asString()).isEqualTo("RESIDENT");
        assertThat(submitted.toString()).as("no personal data on the topic").doesNotContain(PHONE, "张三丰", "单元501", "５０１");
    }

    @Test
    void wanted_by_a_plain_date_means_the_end_of_that_day_in_the_communitys_time_zone() {
        Neighbourhood n = neighbourhood();
        String byDate = wishBody(n.address).replace("}", ",\"wantedBy\":\"2030-01-31\"}");
        String byTime = wishBody(n.address).replace("}", ",\"wantedBy\":\"2030-01-31T09:00:00+08:00\"}");

        JsonNode dated = post(resident("r-date"), "/api/wishes", byDate, null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode timed = post(resident("r-date"), "/api/wishes", byTime, null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(Instant.parse(dated.get("wantedBy").asString()))
                .as("23:59:59 on 31 January in Asia/Shanghai").isEqualTo(Instant.parse("2030-01-31T15:59:59Z"));
        assertThat(Instant.parse(timed.get("wantedBy").asString())).isEqualTo(Instant.parse("2030-01-31T01:00:00Z"));
    }

    @Test
    void an_address_written_dashed_or_in_chinese_numerals_is_placed_as_grid_service_would_resolve_it() {
        Neighbourhood n = neighbourhood();

        for (String typed : List.of(n.address.replace("3栋2单元501", "3-2-501"), n.address.replace("3栋2单元501", "三幢二单元501房"))) {
            JsonNode created = post(resident("r-forms"), "/api/wishes", wishBody(typed), null)
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(created.get("microGridId").asString()).as(typed).isEqualTo(n.microGrid.toString());
        }
    }

    @Test
    void a_wish_goes_from_order_through_dispatch_claim_and_fulfilment_to_close() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-full");
        UUID wish = submit(resident, n);

        command(staffOf(n.grid), wish, "dispatch", "{\"candidateUnits\":[\"" + n.unitA + "\"],\"note\":\"请认领\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISPATCHED")
                .jsonPath("$.candidateUnits[0]").isEqualTo(n.unitA.toString());
        command(unit(n.unitA), wish, "claim", null)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLAIMED")
                .jsonPath("$.claimer.kind").isEqualTo("UNIT").jsonPath("$.claimer.id").isEqualTo(n.unitA.toString());
        command(unit(n.unitA), wish, "fulfil", "{\"note\":\"菜送到了\",\"evidenceUrl\":\"https://img.example/1.jpg\","
                + "\"servedMemberIds\":[\"" + n.member + "\"]}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FULFILLED")
                .jsonPath("$.evidenceUrl").isEqualTo("https://img.example/1.jpg");
        command(resident, wish, "close", "{\"rating\":5,\"comment\":\"很及时\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.rating").isEqualTo(5).jsonPath("$.sla.step").doesNotExist();

        JsonNode history = getJson(resident, "/api/wishes/" + wish + "/history").get("items");
        assertThat(history.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("SUBMITTED", "DISPATCHED", "CLAIMED", "FULFILLED", "CLOSED");
        assertThat(history.valueStream().map(e -> e.path("from").asString(null)))
                .containsExactly(null, "SUBMITTED", "DISPATCHED", "CLAIMED", "FULFILLED");
        assertThat(history.valueStream().map(e -> e.get("actor").get("role").asString()))
                .containsExactly("RESIDENT", "GRID_STAFF", "UNIT", "UNIT", "RESIDENT");
        assertThat(history.get(1).get("actor").get("id").asString()).isEqualTo("staff-" + n.grid);
        assertThat(history.get(1).get("reason").asString()).isEqualTo("请认领");
        assertThat(history.get(4).get("reason").asString()).isEqualTo("很及时");
        history.valueStream().forEach(entry -> assertThat(entry.get("at").asString()).isNotBlank());

        JsonNode claimed = data(awaitEvents("org.gridgov.wish.claimed.v1", wish, 1).get(0));
        assertThat(claimed.get("claimer").get("id").asString()).isEqualTo(n.unitA.toString());
        JsonNode closed = data(awaitEvents("org.gridgov.wish.closed.v1", wish, 1).get(0));
        assertThat(closed.get("rating").asInt()).isEqualTo(5);
        assertThat(closed.get("servedMemberIds").get(0).asString()).isEqualTo(n.member.toString());
        assertThat(data(awaitEvents("org.gridgov.wish.dispatched.v1", wish, 1).get(0)).get("candidateUnits").get(0)
                .asString()).isEqualTo(n.unitA.toString());
        awaitEvents("org.gridgov.wish.fulfilled.v1", wish, 1);
    }

    @Test
    void the_grid_rejects_a_wish_with_a_reason_and_it_goes_no_further() {
        Neighbourhood n = neighbourhood();
        UUID wish = submit(resident("r-reject"), n);

        command(staffOf(n.grid), wish, "reject", "{\"reason\":\"不属于微心愿范围\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED");
        assertThat(data(awaitEvents("org.gridgov.wish.rejected.v1", wish, 1).get(0)).get("reason").asString())
                .isEqualTo("不属于微心愿范围");

        command(staffOf(n.grid), wish, "dispatch", "{}").expectStatus().isEqualTo(409);
    }

    @Test
    void a_released_wish_is_claimed_again_by_a_party_member_and_closed_by_staff_for_the_resident() {
        Neighbourhood n = neighbourhood();
        UUID wish = wishAt("CLAIMED", n, resident("r-release"));

        command(unit(n.unitA), wish, "release", "{\"reason\":\"人手不够\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISPATCHED")
                .jsonPath("$.claimer").doesNotExist();
        JsonNode released = data(awaitEvents("org.gridgov.wish.released.v1", wish, 1).get(0));
        assertThat(released.get("claimer").get("id").asString()).isEqualTo(n.unitA.toString());
        assertThat(released.get("reason").asString()).isEqualTo("人手不够");

        command(partyMember(n.member), wish, "claim", null)
                .expectStatus().isOk().expectBody().jsonPath("$.claimer.kind").isEqualTo("PARTY_MEMBER");
        command(partyMember(n.member), wish, "fulfil", "{\"note\":\"上门修好了\"}").expectStatus().isOk();
        command(staffOf(n.grid), wish, "close", "{\"comment\":\"居民电话确认\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED").jsonPath("$.rating").doesNotExist();

        JsonNode closed = data(awaitEvents("org.gridgov.wish.closed.v1", wish, 1).get(0));
        assertThat(closed.get("claimer").get("kind").asString()).isEqualTo("PARTY_MEMBER");
        assertThat(closed.get("servedMemberIds").get(0).asString()).as("the member served in person")
                .isEqualTo(n.member.toString());
        assertThat(closed.has("rating")).isFalse();
    }

    @Test
    void the_resident_cancels_before_a_claim_but_not_after() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-cancel");
        UUID submitted = submit(resident, n);
        UUID dispatched = wishAt("DISPATCHED", n, resident);
        UUID claimed = wishAt("CLAIMED", n, resident);

        command(resident, submitted, "cancel", "{\"reason\":\"已经解决了\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        command(resident, dispatched, "cancel", null).expectStatus().isOk();
        command(resident, claimed, "cancel", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/conflict");

        assertThat(data(awaitEvents("org.gridgov.wish.cancelled.v1", submitted, 1).get(0)).get("reason").asString())
                .isEqualTo("已经解决了");
        awaitEvents("org.gridgov.wish.cancelled.v1", dispatched, 1);
        assertThat(getJson(resident, "/api/wishes/" + claimed).get("status").asString()).isEqualTo("CLAIMED");
    }

    @Test
    void a_rating_of_2_opens_a_rectification_that_the_grid_completes_with_feedback_and_summary() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-unhappy");
        UUID wish = wishAt("FULFILLED", n, resident);

        command(resident, wish, "close", "{\"rating\":2,\"comment\":\"来得太晚了\"}").expectStatus().isOk();

        JsonNode opened = data(awaitEvents("org.gridgov.rectification.opened.v1", wish, 1).get(0));
        assertThat(opened.get("rating").asInt()).isEqualTo(2);
        assertThat(opened.get("gridId").asString()).isEqualTo(n.grid.toString());
        String id = opened.get("rectificationId").asString();

        JsonNode listed = getJson(staffOf(n.grid), "/api/rectifications?status=OPEN&grid=" + n.grid).get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("comment").asString()).isEqualTo("来得太晚了");
        get(unit(n.unitA), "/api/rectifications").expectStatus().isForbidden();
        get(staffOf(n.otherCommunity), "/api/rectifications/" + id).expectStatus().isNotFound();

        String done = "{\"feedback\":\"已向居民致歉并说明原因\",\"summary\":\"派单后两小时内电话确认认领单位\"}";
        post(staffOf(n.grid), "/api/rectifications/" + id + "/complete", done, null)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.summary").isEqualTo("派单后两小时内电话确认认领单位");
        post(staffOf(n.grid), "/api/rectifications/" + id + "/complete", done, null).expectStatus().isEqualTo(409);
        assertThat(getJson(admin("COMMUNITY_ADMIN", n.community), "/api/rectifications?status=OPEN&grid=" + n.grid)
                .get("items")).isEmpty();
    }

    @Test
    void a_good_rating_opens_no_rectification() {
        Neighbourhood n = neighbourhood();
        UUID wish = wishAt("CLOSED", n, resident("r-happy"));
        awaitEvents("org.gridgov.wish.closed.v1", wish, 1);
        assertThat(settledEvents("org.gridgov.rectification.opened.v1", wish)).isEmpty();
        assertThat(getJson(staffOf(n.grid), "/api/rectifications?grid=" + n.grid).get("items")).isEmpty();
    }

    @Test
    void the_dispatcher_sees_the_candidates_matching_computed_and_nobody_else_does() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-candidates");
        UUID wish = submit(resident, n);
        Neighbourhood.candidatesComputed(wish, n.unitB, 0.92, "提供送餐服务");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                getJson(staffOf(n.grid), "/api/wishes/" + wish).get("candidates").size() == 1);
        JsonNode candidate = getJson(staffOf(n.grid), "/api/wishes/" + wish).get("candidates").get(0);
        assertThat(candidate.get("id").asString()).isEqualTo(n.unitB.toString());
        assertThat(candidate.get("reasons").get(0).asString()).isEqualTo("提供送餐服务");
        assertThat(getJson(resident, "/api/wishes/" + wish).get("candidates")).isEmpty();
        assertThat(getJson(unit(n.unitA), "/api/wishes/" + wish).get("candidates")).isEmpty();
    }

    @Test
    void of_the_rankings_a_batch_brings_for_a_wish_the_dispatcher_sees_the_newest_whatever_their_order() {
        Neighbourhood n = neighbourhood();
        UUID wish = submit(resident("r-rankings"), n);
        UUID other = submit(resident("r-rankings"), n);
        Instant computed = Instant.now();

        // as one poll of matching.events brings them: a redelivered older ranking after the newer one
        matchingCandidates.handlers().handleAll(List.of(ranking(wish, n.unitB, computed), ranking(other, n.unitA, computed),
                        ranking(wish, n.unitA, computed.minusSeconds(60))))
                .as(tx::transactional).block();
        matchingCandidates.handlers().handleAll(List.of(ranking(other, n.unitB, computed.minusSeconds(1))))
                .as(tx::transactional).block();

        assertThat(getJson(staffOf(n.grid), "/api/wishes/" + wish).get("candidates").get(0).get("id").asString())
                .isEqualTo(n.unitB.toString());
        assertThat(getJson(staffOf(n.grid), "/api/wishes/" + other).get("candidates").get(0).get("id").asString())
                .isEqualTo(n.unitA.toString());
    }

    private static CloudEvent ranking(UUID wish, UUID unit, Instant at) {
        return new CloudEvent(UUID.randomUUID().toString(), "org.gridgov.matching.candidates-computed.v1", "matching-service",
                wish.toString(), at, Optional.empty(), """
                {"wishId":"%s","candidates":[{"kind":"UNIT","id":"%s","score":0.9,"reasons":["提供送餐服务"]}],"occurredAt":"%s"}"""
                .formatted(wish, unit, at));
    }

    @Test
    void list_pages_follow_the_cursor_and_show_each_caller_only_what_they_may_see() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-list-" + n.community);
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(submit(resident, n));
        }
        UUID someoneElses = submit(resident("r-other-" + n.community), n);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = getJson(resident, "/api/wishes?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").valueStream().forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.path("next").asString(null);
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(mine.stream().map(UUID::toString).toList());
        Collections.reverse(newestFirst);
        assertThat(seen).as("newest first, each once").containsExactlyElementsOf(newestFirst);

        JsonNode staffView = getJson(staffOf(n.grid), "/api/wishes?grid=" + n.grid + "&status=SUBMITTED&limit=100");
        assertThat(staffView.get("items").valueStream().map(item -> item.get("id").asString()))
                .contains(someoneElses.toString()).containsAll(mine.stream().map(UUID::toString).toList());
        assertThat(getJson(unit(n.unitElsewhere), "/api/wishes?grid=" + n.grid).get("items")).isEmpty();
        assertThat(getJson(staffOf(n.otherGrid), "/api/wishes?grid=" + n.grid).get("items")).isEmpty();
        get(resident, "/api/wishes?cursor=not-a-cursor").expectStatus().isBadRequest();
        get(resident, "/api/wishes?limit=200").expectStatus().isOk();
        get(resident, "/api/wishes?limit=201").expectStatus().isBadRequest();
    }
}
