package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridgov.infra.TokenRequest;
import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19's joint activities (活动联办) through the gateway, on the whole platform: an activity filled to capacity in a
 * race; a party member and a volunteer signed up, checked in by the organising unit and credited with the activity's
 * points exactly once when it completes (committee-service → committee.events → member-service); the volunteer
 * redeeming in the points shop and topping the community's volunteer ranking.
 */
class ActivitiesIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void an_activity_fills_in_a_race_and_its_completion_credits_a_party_member_and_a_volunteer_once() throws Exception {
        SystemPlatform platform = SystemPlatform.shared();
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        ApiClient admin = community.admin();
        String unit = community.joinUnit("活动测试单位");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(community.registerMember("活动测试党员" + i));
        }
        String volunteer = TestCommunity.onceKnown(admin, "/api/volunteers", json(Map.of("name", "活动测试志愿者",
                "communityId", community.id(), "phone", "13912345678"))).expect(201).field("id");
        ApiClient asVolunteer = platform.as(TokenRequest.of("volunteer-" + volunteer, "VOLUNTEER").withMember(volunteer));

        // a race for two places among four party members, once the committee knows them all
        String race = TestCommunity.onceKnown(admin, "/api/activities", activity(community, unit, 2)).expect(201).field("id");
        String probe = TestCommunity.onceKnown(admin, "/api/activities", activity(community, unit, 10)).expect(201).field("id");
        for (String member : members) {
            TestCommunity.onceKnown(community.partyMember(member), "/api/activities/" + probe + "/registrations", null)
                    .expect(201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        List<Future<Integer>> answers = new ArrayList<>();
        for (String member : members) {
            answers.add(pool.submit(() -> community.partyMember(member).withOwnConnections()
                    .post("/api/activities/" + race + "/registrations", null).status()));
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (Future<Integer> answer : answers) {
            byStatus.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(byStatus).isEqualTo(Map.of(201, 2, 409, 2));
        assertThat(admin.get("/api/activities/" + race).expect(200).json().path("registered").asInt()).isEqualTo(2);

        // a party member and the volunteer come; the organising unit checks them in and completes the activity
        String served = TestCommunity.onceKnown(admin, "/api/activities", activity(community, unit, 10)).expect(201).field("id");
        community.partyMember(members.get(0)).post("/api/activities/" + served + "/registrations", null).expect(201);
        TestCommunity.onceKnown(asVolunteer, "/api/activities/" + served + "/registrations", null).expect(201);
        ApiClient organiser = community.unit(unit);
        organiser.post("/api/activities/" + served + "/check-ins", json(Map.of("personId", members.get(0)))).expect(200);
        organiser.post("/api/activities/" + served + "/check-ins", json(Map.of("personId", volunteer))).expect(200);
        organiser.post("/api/activities/" + served + "/complete", null, "complete-" + served).expect(200);
        organiser.post("/api/activities/" + served + "/complete", null, "complete-" + served).expect(200);
        organiser.post("/api/activities/" + served + "/complete", null).expect(409);

        JsonNode memberAccount = eventually(() -> community.partyMember(members.get(0))
                .get("/api/points/accounts/" + members.get(0)).expect(200).json(), 25);
        JsonNode volunteerAccount = eventually(() -> asVolunteer.get("/api/points/accounts/" + volunteer).expect(200).json(), 25);
        TestCommunity.sleep(3000);
        assertThat(community.partyMember(members.get(0)).get("/api/points/accounts/" + members.get(0)).expect(200).json()
                .path("balance").asLong()).as("credited once").isEqualTo(25);
        assertThat(volunteerAccount.path("entries").path("items")).hasSize(1);
        assertThat(memberAccount.path("entries").path("items").get(0).path("cause").asString()).isEqualTo("ACTIVITY");

        // the volunteer redeems in the points shop and tops the community's ranking
        String item = admin.post("/api/points/store-items", json(Map.of("communityId", community.id(), "name", "环保袋",
                "price", 10, "stock", 5))).expect(201).field("id");
        JsonNode receipt = asVolunteer.post("/api/points/redemptions", json(Map.of("memberId", volunteer, "itemId", item,
                "quantity", 2))).expect(201).json();
        assertThat(receipt.path("balanceAfter").asLong()).isEqualTo(5);
        JsonNode ranking = community.resident("activities-resident").get("/api/volunteers/ranking?community=" + community.id())
                .expect(200).json();
        assertThat(ranking.get(0).path("volunteerId").asString()).isEqualTo(volunteer);
        assertThat(ranking.get(0).path("hours").asDouble()).isEqualTo(2.5);
    }

    private static JsonNode eventually(java.util.function.Supplier<JsonNode> read, long balance) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode account = read.get();
        while (account.path("balance").asLong() < balance && System.nanoTime() < deadline) {
            TestCommunity.sleep(500);
            account = read.get();
        }
        assertThat(account.path("balance").asLong()).isEqualTo(balance);
        return account;
    }

    private static String activity(TestCommunity community, String unit, int capacity) {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return json(Map.of("communityId", community.id(), "title", "银龄先锋义诊", "kind", "VOLUNTEER_SERVICE",
                "startsAt", start.toString(), "endsAt", start.plus(4, ChronoUnit.HOURS).toString(), "place", "党群服务中心",
                "capacity", capacity, "hours", 2.5, "points", 25, "organiserUnitIds", List.of(unit)));
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
