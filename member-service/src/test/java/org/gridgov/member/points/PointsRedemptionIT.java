package org.gridgov.member.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** The points store (积分超市): redemptions take points and stock together, never more than there is. */
class PointsRedemptionIT extends MemberServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void a_hundred_concurrent_redemptions_stop_exactly_when_the_points_run_out() {
        // 500 points buy 50 of the 80 in stock
        assertConcurrentRedemptions(500, 10, 80, 50);
    }

    @Test
    void a_hundred_concurrent_redemptions_stop_exactly_when_the_stock_runs_out() {
        // 1000 points would buy 200, but only 30 are in stock
        assertConcurrentRedemptions(1000, 5, 30, 30);
    }

    /** A hundred redemptions of one item by one member at once; exactly {@code successes} may go through. */
    private void assertConcurrentRedemptions(int points, int price, int stock, int successes) {
        Community community = newCommunity();
        UUID member = memberWithPoints(community, points);
        UUID item = storeItem(community, "大米 5kg", price, stock);

        Map<Integer, Long> outcomes = redeemConcurrently(member, item, 100);

        assertThat(outcomes).containsOnlyKeys(201, 409);
        assertThat(outcomes.get(201)).isEqualTo(successes);
        Map<?, ?> account = get("/api/points/accounts/" + member + "?limit=200&cursor=", partyMember(member))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<?> entries = (List<?>) ((Map<?, ?>) account.get("entries")).get("items");
        assertThat(((Number) account.get("balance")).longValue()).isEqualTo(points - successes * price);
        assertThat(entries).hasSize(successes + 1);
        assertThat(entries.stream().mapToLong(entry -> ((Number) ((Map<?, ?>) entry).get("points")).longValue()).sum())
                .as("the statement adds up to the balance").isEqualTo(points - successes * price);
        get("/api/points/store-items/" + item, resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.stock").isEqualTo(stock - successes);
    }

    @Test
    void a_short_balance_or_stock_is_a_409_that_changes_nothing() {
        Community community = newCommunity();
        UUID member = memberWithPoints(community, 30);
        UUID pricey = storeItem(community, "电饭煲", 200, 5);
        UUID scarce = storeItem(community, "雨伞", 10, 1);

        redeem(member, pricey, 1).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").isEqualTo("INSUFFICIENT_POINTS");
        redeem(member, scarce, 2).expectStatus().isEqualTo(409).expectBody().jsonPath("$.reason").isEqualTo("OUT_OF_STOCK");
        redeem(member, pricey, 0).expectStatus().isBadRequest();

        get("/api/points/store-items/" + pricey, resident()).expectBody().jsonPath("$.stock").isEqualTo(5);
        get("/api/points/store-items/" + scarce, resident()).expectBody().jsonPath("$.stock").isEqualTo(1);
        get("/api/points/accounts/" + member, partyMember(member)).expectBody().jsonPath("$.balance").isEqualTo(30);
    }

    @Test
    void a_redemption_is_announced_with_the_balance_after_it() {
        Community community = newCommunity();
        UUID member = memberWithPoints(community, 100);
        UUID item = storeItem(community, "洗衣液", 40, 10);
        redeem(member, item, 2).expectStatus().isCreated().expectBody()
                .jsonPath("$.points").isEqualTo(80)
                .jsonPath("$.balanceAfter").isEqualTo(20)
                .jsonPath("$.stockAfter").isEqualTo(8);
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            String event = KafkaTopicReader.value(reader.await(record -> member.toString().equals(record.key())
                    && "org.gridgov.points.redeemed.v1".equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    Duration.ofSeconds(30)).get(0));
            assertThat(event).contains("\"cause\":\"STORE_ITEM\"", "\"points\":80", "\"balanceAfter\":20",
                    "\"itemId\":\"" + item + "\"");
        }
    }

    @Test
    void only_the_member_or_an_admin_over_the_store_redeems_and_only_in_their_own_community() {
        Community community = newCommunity();
        Community elsewhere = newCommunity();
        UUID member = memberWithPoints(community, 100);
        UUID other = registerMember(community, "邻居", "RESIDENT");
        UUID item = storeItem(community, "毛巾", 10, 10);
        UUID foreignItem = storeItem(elsewhere, "牙膏", 10, 10);
        Map<String, Object> body = Map.of("memberId", member.toString(), "itemId", item.toString(), "quantity", 1);

        post("/api/points/redemptions", partyMember(other), body).expectStatus().isNotFound();
        post("/api/points/redemptions", admin(elsewhere.id()), body).expectStatus().isNotFound();
        post("/api/points/redemptions", gridStaff(community.grid()), body).expectStatus().isForbidden();
        post("/api/points/redemptions", admin(community.id()), body).expectStatus().isCreated();
        redeem(member, foreignItem, 1).expectStatus().isEqualTo(409).expectBody().jsonPath("$.reason").isEqualTo("OTHER_COMMUNITY");
        post("/api/points/store-items", admin(elsewhere.id()), Map.of("communityId", community.id().toString(),
                "name", "香皂", "price", 5, "stock", 5)).expectStatus().isForbidden();
        get("/api/points/accounts/" + member, partyMember(other)).expectStatus().isNotFound();
    }

    @Test
    void a_correction_needs_a_reason_and_cannot_take_the_balance_below_zero() {
        Community community = newCommunity();
        UUID member = memberWithPoints(community, 10);
        post("/api/points/corrections", admin(community.id()), Map.of("memberId", member.toString(), "points", -11,
                "reason", "重复录入")).expectStatus().isEqualTo(409).expectBody().jsonPath("$.reason").isEqualTo("INSUFFICIENT_POINTS");
        post("/api/points/corrections", admin(community.id()), Map.of("memberId", member.toString(), "points", -4))
                .expectStatus().isBadRequest();
        post("/api/points/corrections", partyMember(member), Map.of("memberId", member.toString(), "points", 100,
                "reason", "自己加分")).expectStatus().isForbidden();
        post("/api/points/corrections", admin(community.id()), Map.of("memberId", member.toString(), "points", -4,
                "reason", "重复录入")).expectStatus().isCreated().expectBody().jsonPath("$.balanceAfter").isEqualTo(6);
        get("/api/points/accounts/" + member, admin(community.id())).expectStatus().isOk().expectBody()
                .jsonPath("$.entries.items[0].cause").isEqualTo("CORRECTION")
                .jsonPath("$.entries.items[0].points").isEqualTo(-4)
                .jsonPath("$.entries.items[0].reason").isEqualTo("重复录入")
                .jsonPath("$.entries.items[0].actor").isEqualTo("admin-" + community.id());
    }

    private UUID memberWithPoints(Community community, int points) {
        UUID member = registerMember(community, "党员" + points, "RESIDENT");
        post("/api/points/corrections", admin(community.id()), Map.of("memberId", member.toString(), "points", points,
                "reason", "开户积分")).expectStatus().isCreated();
        return member;
    }

    private UUID storeItem(Community community, String name, int price, int stock) {
        return UUID.fromString(post("/api/points/store-items", admin(community.id()), Map.of("communityId",
                community.id().toString(), "name", name, "price", price, "stock", stock))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
    }

    private WebTestClient.ResponseSpec redeem(UUID member, UUID item, int quantity) {
        return post("/api/points/redemptions", partyMember(member), Map.of("memberId", member.toString(),
                "itemId", item.toString(), "quantity", quantity));
    }

    /** Fires the redemptions all at once, each with its own Idempotency-Key; counts the response statuses. */
    private Map<Integer, Long> redeemConcurrently(UUID member, UUID item, int count) {
        WebClient client = WebClient.create("http://localhost:" + port);
        String token = partyMember(member);
        List<Integer> statuses = Flux.range(0, count)
                .flatMap(i -> client.post().uri("/api/points/redemptions")
                        .headers(headers -> {
                            headers.setBearerAuth(token);
                            headers.set("Idempotency-Key", UUID.randomUUID().toString());
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("memberId", member.toString(), "itemId", item.toString(), "quantity", 1))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), count)
                .collectList()
                .block(Duration.ofSeconds(120));
        return statuses.stream().collect(Collectors.groupingBy(status -> status,
                Collectors.counting()));
    }
}
