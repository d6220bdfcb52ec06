package org.gridgov.member.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.PrometheusScrape;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Points for closed wishes, from wish.events: each served member once per wish, however often the event comes. */
class WishClosedPointsIT extends MemberServiceIntegrationTest {

    @Autowired
    DatabaseClient db;

    @Test
    void a_wish_closed_event_delivered_twice_awards_points_once() {
        Community community = newCommunity();
        UUID claimer = registerMember(community, "红色合伙人", "IN_SERVICE");
        UUID helper = registerMember(community, "志愿者", "RETIRED");
        UUID wish = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Map<String, Object> closed = closedBy(claimer, List.of(claimer, helper), "2026-03-02T10:00:00Z");

        publishWishEvent("org.gridgov.wish.closed.v1", wish, closed, eventId);
        publishWishEvent("org.gridgov.wish.closed.v1", wish, closed, eventId);
        // the wish-service republishing after a crash would send a new event id for the same closing
        publishWishEvent("org.gridgov.wish.closed.v1", wish, closed, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(balance(claimer)).isEqualTo(20);
            assertThat(balance(helper)).isEqualTo(20);
        });
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            assertThat(reader.settle(record -> claimer.toString().equals(record.key())
                    && "org.gridgov.points.awarded.v1".equals(KafkaTopicReader.header(record, "ce_type")), Duration.ofSeconds(3)))
                    .singleElement()
                    .satisfies(record -> assertThat(KafkaTopicReader.value(record))
                            .contains("\"cause\":\"WISH_CLOSED\"", "\"causeId\":\"" + wish + "\"", "\"balanceAfter\":20"));
        }
        assertThat(balance(claimer)).as("after every delivery was handled").isEqualTo(20);
        get("/api/points/accounts/" + claimer, partyMember(claimer)).expectBody()
                .jsonPath("$.entries.items.length()").isEqualTo(1)
                .jsonPath("$.entries.items[0].cause").isEqualTo("WISH_CLOSED")
                .jsonPath("$.entries.items[0].causeId").isEqualTo(wish.toString());
    }

    @Test
    void a_unit_claimers_points_go_to_the_members_it_names() {
        Community community = newCommunity();
        UUID unit = joinUnit(community, "涪陵区人民医院");
        UUID doctor = registerMember(community, "医生党员", "IN_SERVICE");
        Map<String, Object> closed = Map.of("actor", Map.of("id", "resident-1", "role", "RESIDENT"), "status", "CLOSED",
                "claimer", Map.of("kind", "UNIT", "id", unit.toString()), "rating", 5,
                "servedMemberIds", List.of(doctor.toString()), "occurredAt", "2026-03-02T10:00:00Z");
        publishWishEvent("org.gridgov.wish.closed.v1", UUID.randomUUID(), closed, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(balance(doctor)).isEqualTo(20));
    }

    @Test
    void a_served_member_who_does_not_exist_gets_no_balance_and_the_credit_is_parked_visibly() {
        Community community = newCommunity();
        UUID claimer = registerMember(community, "红色合伙人", "IN_SERVICE");
        UUID nobody = UUID.randomUUID();
        UUID wish = UUID.randomUUID();
        double parkedBefore = parkedCount();

        publishWishEvent("org.gridgov.wish.closed.v1", wish, closedBy(claimer, List.of(claimer, nobody),
                "2026-03-02T10:00:00Z"), UUID.randomUUID());
        publishWishEvent("org.gridgov.wish.closed.v1", wish, closedBy(claimer, List.of(claimer, nobody),
                "2026-03-02T10:00:00Z"), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(parkedCount()).isEqualTo(parkedBefore + 1));
        assertThat(balance(claimer)).isEqualTo(20);
        get("/api/points/accounts/" + nobody, admin(community.id())).expectStatus().isNotFound();
        assertThat(db.sql("select points, cause, cause_id from points_parked_credit where member_id = :id")
                .bind("id", nobody).fetch().all().collectList().block())
                .singleElement().satisfies(row -> {
                    assertThat(((Number) row.get("points")).longValue()).isEqualTo(20);
                    assertThat(row.get("cause")).isEqualTo("WISH_CLOSED");
                    assertThat(row.get("cause_id")).isEqualTo(wish);
                });
        assertThat(db.sql("select count(*) as n from points_account where member_id = :id").bind("id", nobody)
                .map(row -> row.get("n", Long.class)).one().block()).as("no phantom balance").isZero();
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            assertThat(reader.settle(record -> nobody.toString().equals(record.key()), Duration.ofSeconds(3)))
                    .as("nothing announced for nobody").isEmpty();
        }
    }

    @Test
    void points_earned_before_a_cut_off_and_not_spent_lapse_first_in_first_out_once() {
        Community community = newCommunity();
        UUID member = registerMember(community, "老党员", "RETIRED");
        int lastYear = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
        publishWishEvent("org.gridgov.wish.closed.v1", UUID.randomUUID(),
                closedBy(member, List.of(member), lastYear + "-06-01T08:00:00Z"), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(balance(member)).isEqualTo(20));
        post("/api/points/corrections", admin(community.id()), Map.of("memberId", member.toString(), "points", 50,
                "reason", "年度表彰")).expectStatus().isCreated();
        UUID item = UUID.fromString(post("/api/points/store-items", admin(community.id()), Map.of("communityId",
                community.id().toString(), "name", "抽纸", "price", 10, "stock", 5))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
        post("/api/points/redemptions", partyMember(member), Map.of("memberId", member.toString(), "itemId", item.toString(),
                "quantity", 1)).expectStatus().isCreated();
        Map<String, Object> expiry = Map.of("communityId", community.id().toString(), "earnedBefore", (lastYear + 1) + "-01-01");

        // of last year's 20 points, the 10 spent were the oldest; the other 10 lapse
        post("/api/points/expiries", admin(community.id()), expiry).expectStatus().isOk().expectBody()
                .jsonPath("$.membersAffected").isEqualTo(1)
                .jsonPath("$.pointsLapsed").isEqualTo(10);
        post("/api/points/expiries", admin(community.id()), expiry).expectStatus().isOk().expectBody()
                .jsonPath("$.pointsLapsed").isEqualTo(0);
        get("/api/points/accounts/" + member, partyMember(member)).expectBody()
                .jsonPath("$.balance").isEqualTo(50)
                .jsonPath("$.earned").isEqualTo(70)
                .jsonPath("$.entries.items[0].cause").isEqualTo("EXPIRY");
        post("/api/points/expiries", gridStaff(community.grid()), expiry).expectStatus().isForbidden();
    }

    private static Map<String, Object> closedBy(UUID claimer, List<UUID> served, String at) {
        return Map.of("actor", Map.of("id", "resident-1", "role", "RESIDENT"), "status", "CLOSED",
                "claimer", Map.of("kind", "PARTY_MEMBER", "id", claimer.toString()), "rating", 5,
                "servedMemberIds", served.stream().map(UUID::toString).toList(), "occurredAt", at);
    }

    private double parkedCount() {
        return PrometheusScrape.of(web).lines()
                .filter(line -> line.startsWith("gridgov_points_parked_total{") && line.contains("cause=\"WISH_CLOSED\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private long balance(UUID member) {
        Map<?, ?> account = get("/api/points/accounts/" + member, partyMember(member)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) account.get("balance")).longValue();
    }
}
