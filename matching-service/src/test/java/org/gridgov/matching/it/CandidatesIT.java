package org.gridgov.matching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.contracts.Category;
import org.gridgov.contracts.EventType;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.matching.EventFeed.CommunityTree;
import org.gridgov.matching.EventFeed.Item;
import org.gridgov.matching.MatchingIntegrationTest;
import org.gridgov.matching.candidate.CandidateService;
import org.gridgov.matching.candidate.SubmittedWish;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Live candidates, end to end: events in from the other services, candidates out on the API and matching.events. */
class CandidatesIT extends MatchingIntegrationTest {

    private static final String THIS_YEAR = String.valueOf(Year.now(ZoneOffset.UTC).getValue());

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private CandidateService candidates;

    @Autowired
    private TransactionalOperator tx;

    @Test
    void candidates_appear_after_a_wish_is_submitted_best_first_with_their_reasons() {
        CommunityTree tree = feed.community(2, 2);
        UUID nearby = feed.unit(tree.community(), "邻里助老服务站", THIS_YEAR,
                Item.of("ELDERLY_CARE", "助老送餐", 5, tree.microGrid(0, 0)));
        UUID communityWide = feed.unit(tree.community(), "社区卫生服务中心", THIS_YEAR,
                Item.of("ELDERLY_CARE", "上门探访", 5, tree.community()));
        UUID related = feed.unit(tree.community(), "社区医院", THIS_YEAR, Item.of("HEALTH", "义诊", 5, tree.grid(0)));
        UUID unrelated = feed.unit(tree.community(), "物业公司", THIS_YEAR, Item.of("REPAIRS", "水电维修", 5, tree.grid(0)));
        UUID member = feed.member(tree.community(), tree.grid(0));
        awaitCommunity(tree, 4, 1);

        try (KafkaTopicReader matching = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "matching.events")) {
            UUID wish = feed.wishSubmitted(tree, 0, 0, "ELDERLY_CARE");

            JsonNode body = awaitCandidates(wish, staffOf(tree.grid(0)));
            assertThat(ids(body)).containsExactly(nearby, communityWide, related, member, unrelated);
            JsonNode best = body.get("candidates").get(0);
            assertThat(best.get("kind").asString()).isEqualTo("UNIT");
            assertThat(best.get("name").asString()).isEqualTo("邻里助老服务站");
            assertThat(best.get("score").asDouble()).isEqualTo(95.0);
            assertThat(reason(best, "CATEGORY_FIT").get("detail").asString()).contains("ELDERLY_CARE", "助老送餐");
            assertThat(reason(best, "DISTANCE").get("detail").asString()).isEqualTo("same micro-grid");
            assertThat(reason(best, "CAPACITY").get("detail").asString()).isEqualTo("5 of 5 left this period");
            assertThat(reason(body.get("candidates").get(2), "CATEGORY_FIT").get("detail").asString()).startsWith("offers related HEALTH");

            List<ConsumerRecord<String, byte[]>> published = matching.await(
                    record -> wish.toString().equals(record.key()), 1, Duration.ofSeconds(30));
            assertThat(KafkaTopicReader.header(published.get(0), "ce_type"))
                    .isEqualTo(EventType.MATCHING_CANDIDATES_COMPUTED.type());
            JsonNode event = json.readTree(KafkaTopicReader.value(published.get(0)));
            assertThat(event.get("candidates").get(0).get("id").asString()).isEqualTo(nearby.toString());
            assertThat(event.get("candidates").get(0).get("reasons").get(0).asString()).startsWith("CATEGORY_FIT +40.0");
        }
    }

    @Test
    void the_same_unit_is_not_always_first_for_equal_wishes() {
        CommunityTree tree = feed.community(1, 1);
        UUID first = feed.unit(tree.community(), "单位甲", THIS_YEAR, Item.of("REPAIRS", "维修", 10, tree.community()));
        UUID second = feed.unit(tree.community(), "单位乙", THIS_YEAR, Item.of("REPAIRS", "维修", 10, tree.community()));
        awaitCommunity(tree, 2, 0);

        UUID wish = feed.wishSubmitted(tree, 0, 0, "REPAIRS");
        UUID winner = ids(awaitCandidates(wish, staffOf(tree.grid(0)))).get(0);
        UUID nextWish = feed.wishSubmitted(tree, 0, 0, "REPAIRS");
        JsonNode next = awaitCandidates(nextWish, staffOf(tree.grid(0)));

        assertThat(List.of(first, second)).contains(winner);
        assertThat(ids(next).get(0)).isNotEqualTo(winner);
        JsonNode penalised = next.get("candidates").get(1);
        assertThat(penalised.get("id").asString()).isEqualTo(winner.toString());
        assertThat(reason(penalised, "FAIRNESS").get("points").asDouble()).isEqualTo(-3.0);
    }

    @Test
    void a_wish_ranked_again_counts_as_one_first_for_the_fairness_of_the_next_wish() {
        CommunityTree tree = feed.community(1, 1);
        UUID one = feed.unit(tree.community(), "单位甲", THIS_YEAR, Item.of("REPAIRS", "维修", 10, tree.community()));
        UUID other = feed.unit(tree.community(), "单位乙", THIS_YEAR, Item.of("REPAIRS", "维修", 10, tree.community()));
        awaitCommunity(tree, 2, 0);
        Instant submitted = Instant.now();
        UUID wish = feed.wishSubmitted(tree, 0, 0, "REPAIRS", submitted);
        UUID winner = ids(awaitCandidates(wish, staffOf(tree.grid(0)))).get(0);
        UUID runnerUp = winner.equals(one) ? other : one;

        // announced again: the winner's first (this very wish) now counts against it, so the other unit wins
        feed.wishSubmitted(tree, 0, 0, "REPAIRS", submitted, wish);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ids(awaitCandidates(wish, staffOf(tree.grid(0)))).get(0).equals(runnerUp));
        JsonNode next = awaitCandidates(feed.wishSubmitted(tree, 0, 0, "REPAIRS"), staffOf(tree.grid(0)));

        // the replaced ranking's first was taken back: one first in all, the runner-up's
        assertThat(ids(next).get(0)).isEqualTo(winner);
        assertThat(next.get("candidates").get(0).get("reasons").valueStream()
                .map(reason -> reason.get("factor").asString())).doesNotContain("FAIRNESS");
        assertThat(reason(next.get("candidates").get(1), "FAIRNESS").get("points").asDouble()).isEqualTo(-3.0);
    }

    @Test
    void wishes_ranked_as_one_batch_each_count_the_firsts_of_those_before_them_and_carry_their_own_correlation() {
        CommunityTree tree = feed.community(1, 1);
        UUID one = feed.unit(tree.community(), "单位甲", THIS_YEAR, Item.of("REPAIRS", "维修", 10, tree.community()));
        UUID other = feed.unit(tree.community(), "单位乙", THIS_YEAR, Item.of("REPAIRS", "维修", 10, tree.community()));
        awaitCommunity(tree, 2, 0);
        List<SubmittedWish> batch = IntStream.range(0, 4).mapToObj(i -> new SubmittedWish(UUID.randomUUID(),
                Category.REPAIRS, tree.community(), tree.grid(0), tree.microGrid(0, 0), Instant.now(), "order-" + i)).toList();

        try (KafkaTopicReader matching = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "matching.events")) {
            tx.transactional(candidates.rankAndPublish(batch)).block();

            // equal units: whoever was first for a wish of the batch is behind for the next, until they are level
            List<UUID> winners = batch.stream().map(wish -> ids(awaitCandidates(wish.wishId(), staffOf(tree.grid(0)))).get(0))
                    .toList();
            assertThat(winners).containsOnly(one, other);
            assertThat(winners.get(1)).isNotEqualTo(winners.get(0));
            assertThat(winners.get(3)).isNotEqualTo(winners.get(2));
            assertThat(winners.stream().filter(one::equals)).hasSize(2);
            for (SubmittedWish wish : batch) {
                ConsumerRecord<String, byte[]> published = matching.await(
                        record -> wish.wishId().toString().equals(record.key()), 1, Duration.ofSeconds(30)).get(0);
                assertThat(KafkaTopicReader.header(published, "ce_correlationid")).isEqualTo(wish.correlationId());
            }
        }
        JsonNode next = awaitCandidates(feed.wishSubmitted(tree, 0, 0, "REPAIRS"), staffOf(tree.grid(0)));
        assertThat(reason(next.get("candidates").get(0), "FAIRNESS").get("points").asDouble()).isEqualTo(-6.0);
    }

    @Test
    void a_unit_with_open_claims_and_its_capacity_used_up_scores_lower_for_the_next_wish() {
        CommunityTree tree = feed.community(1, 1);
        UUID busy = feed.unit(tree.community(), "忙碌单位", THIS_YEAR, Item.of("CULTURE", "文艺演出", 1, tree.grid(0)));
        awaitCommunity(tree, 1, 0);
        UUID claimed = feed.wishSubmitted(tree, 0, 0, "CULTURE");
        awaitCandidates(claimed, staffOf(tree.grid(0)));
        feed.wishClaimed(claimed, "UNIT", busy);
        awaitCount("select count(*) from wish where claimer_id = :id", busy, 1);

        JsonNode next = awaitCandidates(feed.wishSubmitted(tree, 0, 0, "CULTURE"), staffOf(tree.grid(0)));

        JsonNode unit = next.get("candidates").get(0);
        assertThat(reason(unit, "LOAD").get("detail").asString()).isEqualTo("1 open claim");
        assertThat(reason(unit, "LOAD").get("points").asDouble()).isEqualTo(7.5);
        assertThat(reason(unit, "CAPACITY").get("detail").asString()).startsWith("capacity used up");
        assertThat(reason(unit, "CAPACITY").get("points").asDouble()).isZero();
    }

    @Test
    void a_unit_or_member_that_joins_after_a_wish_was_ranked_is_a_candidate_for_the_next_one() {
        CommunityTree tree = feed.community(1, 1);
        UUID early = feed.unit(tree.community(), "早到单位", THIS_YEAR, Item.of("REPAIRS", "维修", 5, tree.community()));
        awaitCommunity(tree, 1, 0);
        assertThat(ids(awaitCandidates(feed.wishSubmitted(tree, 0, 0, "REPAIRS"), staffOf(tree.grid(0)))))
                .containsExactly(early);

        UUID nearby = feed.unit(tree.community(), "新来的物业", THIS_YEAR, Item.of("REPAIRS", "水电维修", 5, tree.microGrid(0, 0)));
        UUID member = feed.member(tree.community(), tree.grid(0));
        awaitCommunity(tree, 2, 1);

        assertThat(ids(awaitCandidates(feed.wishSubmitted(tree, 0, 0, "REPAIRS"), staffOf(tree.grid(0)))))
                .containsExactly(nearby, early, member);
    }

    @Test
    void a_reopened_wish_holds_no_claim_any_more_and_a_question_to_the_resident_shows_in_its_status() {
        CommunityTree tree = feed.community(1, 1);
        UUID unit = feed.unit(tree.community(), "曾经认领的单位", THIS_YEAR, Item.of("CULTURE", "文艺演出", 1, tree.grid(0)));
        awaitCommunity(tree, 1, 0);
        UUID wish = feed.wishSubmitted(tree, 0, 0, "CULTURE");
        feed.wishClaimed(wish, "UNIT", unit);
        feed.wishFulfilled(wish, "UNIT", unit);
        awaitCount("select count(*) from wish where claimer_id = :id and fulfilled_at is not null", unit, 1);
        JsonNode whileClaimed = awaitCandidates(feed.wishSubmitted(tree, 0, 0, "CULTURE"), staffOf(tree.grid(0)));
        assertThat(reason(whileClaimed.get("candidates").get(0), "ON_TIME").get("detail").asString())
                .isEqualTo("1 of 1 fulfilled on time");
        assertThat(reason(whileClaimed.get("candidates").get(0), "CAPACITY").get("detail").asString())
                .startsWith("capacity used up");

        feed.wishReopened(wish, tree, "UNIT", unit);
        awaitCount("select count(*) from wish where id = :id and status = 'DISPATCHED' and claimer_id is null"
                + " and fulfilled_at is null", wish, 1);
        awaitCount("select count(*) from wish where claimer_id = :id", unit, 0);
        JsonNode afterReopen = awaitCandidates(feed.wishSubmitted(tree, 0, 0, "CULTURE"), staffOf(tree.grid(0)));
        assertThat(reason(afterReopen.get("candidates").get(0), "ON_TIME").get("detail").asString())
                .isEqualTo("no fulfilled wishes yet");
        assertThat(reason(afterReopen.get("candidates").get(0), "CAPACITY").get("detail").asString())
                .isEqualTo("1 of 1 left this period");
        assertThat(reason(afterReopen.get("candidates").get(0), "LOAD").get("detail").asString()).isEqualTo("0 open claims");

        UUID asked = feed.wishSubmitted(tree, 0, 0, "CULTURE");
        feed.wishInformation(asked, tree, true, "AWAITING_INFO");
        awaitCount("select count(*) from wish where id = :id and status = 'AWAITING_INFO'", asked, 1);
        feed.wishInformation(asked, tree, false, "SUBMITTED");
        awaitCount("select count(*) from wish where id = :id and status = 'SUBMITTED'", asked, 1);
    }

    @Test
    void a_unit_that_fulfilled_late_ranks_behind_an_equal_unit_that_fulfilled_on_time() {
        CommunityTree tree = feed.community(1, 1);
        UUID late = feed.unit(tree.community(), "迟到单位", THIS_YEAR, Item.of("REPAIRS", "维修", 10, tree.community()));
        UUID punctual = feed.unit(tree.community(), "守时单位", THIS_YEAR, Item.of("REPAIRS", "维修", 10, tree.community()));
        awaitCommunity(tree, 2, 0);
        UUID escalated = feed.wishSubmitted(tree, 0, 0, "REPAIRS");
        awaitCandidates(escalated, staffOf(tree.grid(0)));
        UUID done = feed.wishSubmitted(tree, 0, 0, "REPAIRS");
        awaitCandidates(done, staffOf(tree.grid(0)));
        feed.wishClaimed(escalated, "UNIT", late);
        feed.wishEscalatedAtFulfil(escalated);
        feed.wishFulfilled(escalated, "UNIT", late);
        feed.wishClaimed(done, "UNIT", punctual);
        feed.wishFulfilled(done, "UNIT", punctual);
        awaitCount("select count(*) from wish where claimer_id = :id and fulfilled_at is not null and fulfil_escalated",
                late, 1);
        awaitCount("select count(*) from wish where claimer_id = :id and fulfilled_at is not null", punctual, 1);

        JsonNode next = awaitCandidates(feed.wishSubmitted(tree, 0, 0, "REPAIRS"), staffOf(tree.grid(0)));

        assertThat(ids(next)).containsExactly(punctual, late);
        assertThat(reason(next.get("candidates").get(0), "ON_TIME").get("detail").asString()).isEqualTo("1 of 1 fulfilled on time");
        assertThat(reason(next.get("candidates").get(1), "ON_TIME").get("detail").asString()).isEqualTo("0 of 1 fulfilled on time");
        assertThat(reason(next.get("candidates").get(0), "ON_TIME").get("points").asDouble())
                .isGreaterThan(reason(next.get("candidates").get(1), "ON_TIME").get("points").asDouble());
    }

    @Test
    void a_submission_replayed_long_after_it_happened_is_not_ranked_again() {
        CommunityTree tree = feed.community(1, 1);
        feed.unit(tree.community(), "单位", THIS_YEAR, Item.of("REPAIRS", "维修", 3, tree.community()));
        awaitCommunity(tree, 1, 0);

        UUID old = feed.wishSubmitted(tree, 0, 0, "REPAIRS", Instant.now().minus(Duration.ofDays(8)));
        awaitCount("select count(*) from kit_inbox where consumer = 'matching-service.candidates' and event_id = :id",
                feed.lastEventId(), 1);

        get(old, "", staffOf(tree.grid(0))).expectStatus().isNotFound();
        awaitCandidates(feed.wishSubmitted(tree, 0, 0, "REPAIRS"), staffOf(tree.grid(0)));
    }

    @Test
    void only_staff_and_admins_of_the_wish_grid_see_its_candidates_and_bad_input_is_a_4xx_problem() {
        CommunityTree tree = feed.community(2, 1);
        feed.unit(tree.community(), "单位", THIS_YEAR, Item.of("SAFETY", "巡逻", 3, tree.community()));
        awaitCommunity(tree, 1, 0);
        UUID wish = feed.wishSubmitted(tree, 0, 0, "SAFETY");
        awaitCandidates(wish, staffOf(tree.grid(0)));

        get(wish, "?limit=1", admin("COMMUNITY_ADMIN", tree.community())).expectStatus().isOk()
                .expectBody().jsonPath("$.candidates.length()").isEqualTo(1);
        problem(get(wish, "", staffOf(tree.grid(1))), HttpStatus.NOT_FOUND, "not-found");
        problem(get(wish, "", token("RESIDENT")), HttpStatus.FORBIDDEN, "forbidden");
        problem(get(wish, "?limit=0", staffOf(tree.grid(0))), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(get(wish, "?limit=21", staffOf(tree.grid(0))), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(get(UUID.randomUUID(), "", staffOf(tree.grid(0))), HttpStatus.NOT_FOUND, "not-found");
        problem(web.get().uri("/api/matching/wishes/not-a-uuid/candidates")
                .headers(h -> h.setBearerAuth(staffOf(tree.grid(0)))).exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
    }

    private JsonNode awaitCandidates(UUID wish, String token) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            EntityExchangeResult<String> result = get(wish, "?limit=20", token).expectBody(String.class).returnResult();
            return result.getStatus().is2xxSuccessful() ? json.readTree(result.getResponseBody()) : null;
        }, body -> body != null);
    }

    private ResponseSpec get(UUID wish, String query, String token) {
        return web.get().uri("/api/matching/wishes/" + wish + "/candidates" + query)
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static void problem(ResponseSpec response,
                                HttpStatus status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/" + type);
    }

    private static List<UUID> ids(JsonNode body) {
        return body.get("candidates").valueStream().map(candidate -> UUID.fromString(candidate.get("id").asString())).toList();
    }

    private static JsonNode reason(JsonNode candidate, String factor) {
        return candidate.get("reasons").valueStream().filter(reason -> factor.equals(reason.get("factor").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + factor + " in " + candidate));
    }
}
