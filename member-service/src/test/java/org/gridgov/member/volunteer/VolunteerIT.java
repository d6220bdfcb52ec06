package org.gridgov.member.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Volunteers (志愿者) on real PostgreSQL and Kafka: registered by the community's admin, credited by a completed activity,
 * redeeming in the points shop as a party member does, ranked in their community.
 */
class VolunteerIT extends MemberServiceIntegrationTest {

    @Test
    void a_volunteer_earns_points_in_an_activity_redeems_them_and_is_ranked() {
        Community community = newCommunity();
        UUID keen = volunteer(community, "李阿姨", "13911112222");
        UUID newcomer = volunteer(community, "王大爷", "13933334444");
        UUID activity = UUID.randomUUID();
        publishCommitteeEvent("org.gridgov.activity.completed.v1", activity, Map.of("activityId", activity.toString(),
                "communityId", community.id().toString(), "title", "银龄先锋清扫", "hours", 3.0, "points", 30,
                "occurredAt", "2026-05-02T10:00:00Z",
                "participants", List.of(Map.of("kind", "VOLUNTEER", "personId", keen.toString()))), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/points/accounts/" + keen, volunteerToken(keen))
                .expectStatus().isOk().expectBody().jsonPath("$.balance").isEqualTo(30));

        String item = post("/api/points/store-items", admin(community.id()), Map.of("communityId", community.id().toString(),
                "name", "洗衣液", "price", 20, "stock", 3)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        post("/api/points/redemptions", volunteerToken(keen), Map.of("memberId", keen.toString(), "itemId", item,
                "quantity", 1)).expectStatus().isCreated().expectBody().jsonPath("$.balanceAfter").isEqualTo(10);
        post("/api/points/redemptions", volunteerToken(newcomer), Map.of("memberId", keen.toString(), "itemId", item,
                "quantity", 1)).expectStatus().isNotFound();

        get("/api/volunteers/ranking?community=" + community.id(), resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].volunteerId").isEqualTo(keen.toString())
                .jsonPath("$[0].rank").isEqualTo(1)
                .jsonPath("$[0].hours").isEqualTo(3.0)
                .jsonPath("$[0].points").isEqualTo(30)
                .jsonPath("$[1].volunteerId").isEqualTo(newcomer.toString())
                .jsonPath("$[1].hours").isEqualTo(0);
    }

    @Test
    void a_volunteer_sees_their_phone_an_admin_sees_it_masked_and_events_carry_none() {
        Community community = newCommunity();
        UUID id = volunteer(community, "赵阿姨", "13955556666");
        get("/api/volunteers/" + id, volunteerToken(id)).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("13955556666");
        get("/api/volunteers/" + id, admin(community.id())).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("139******66");
        get("/api/volunteers/" + id, resident()).expectStatus().isNotFound();
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            assertThat(reader.settle(record -> id.toString().equals(record.key()), Duration.ofSeconds(3)))
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo("org.gridgov.volunteer.registered.v1");
                        assertThat(KafkaTopicReader.value(record)).doesNotContain("13955556666", "赵阿姨");
                    });
        }
    }

    @Test
    void bad_registrations_are_refused_naming_the_field_and_only_admins_register() {
        Community community = newCommunity();
        post("/api/volunteers", admin(community.id()), Map.of("name", "赵阿姨", "communityId", community.id().toString(),
                "phone", "not a phone")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("phone");
        post("/api/volunteers", admin(community.id()), Map.of("name", "赵阿姨", "communityId", UUID.randomUUID().toString(),
                "phone", "13955556666")).expectStatus().isBadRequest();
        post("/api/volunteers", unit(joinUnit(community, "敦仁小学")), Map.of("name", "赵阿姨", "communityId",
                community.id().toString(), "phone", "13955556666")).expectStatus().isForbidden();
        get("/api/volunteers/ranking?community=" + community.id() + "&limit=0", resident()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @Test
    void a_resident_registers_themself_once_in_their_own_community_and_grid_staff_register_others_there() {
        Community community = newCommunity();
        Community elsewhere = newCommunity();
        Map<String, Object> body = Map.of("name", "钱大姐", "communityId", community.id().toString(), "phone", "13977778888");
        String neighbour = tokenFor(TokenRequest.of("resident-" + UUID.randomUUID(), "RESIDENT")
                .withJurisdiction(community.grid().toString()));
        post("/api/volunteers", neighbour, body).expectStatus().isCreated();
        post("/api/volunteers", neighbour, body).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        post("/api/volunteers", tokenFor(TokenRequest.of("resident-" + UUID.randomUUID(), "RESIDENT")
                .withJurisdiction(elsewhere.grid().toString())), body).expectStatus().isForbidden();
        post("/api/volunteers", resident(), body).expectStatus().isForbidden();

        post("/api/volunteers", gridStaff(community.grid()), Map.of("name", "孙大爷", "communityId",
                community.id().toString(), "phone", "13977779999")).expectStatus().isCreated();
        post("/api/volunteers", gridStaff(elsewhere.grid()), Map.of("name", "孙大爷", "communityId",
                community.id().toString(), "phone", "13977779999")).expectStatus().isForbidden();
        get("/api/volunteers/ranking?community=" + community.id(), resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void a_resident_with_an_account_who_registers_themself_signs_in_as_that_volunteer_from_then_on() throws Exception {
        Community community = newCommunity();
        String username = "jumin-" + UUID.randomUUID().toString().substring(0, 8);
        infrastructure().issuer().putUser(username, Map.of("password", "gridgov-demo-password", "name", "居民",
                "roles", List.of("RESIDENT"), "jurisdiction", community.grid().toString()));
        String token = tokenFor(TokenRequest.of(username, "RESIDENT").withJurisdiction(community.grid().toString()));

        Map<?, ?> created = post("/api/volunteers", token, Map.of("name", "周大姐", "communityId", community.id().toString(),
                "phone", "13966667777")).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        // the account they sign in with — what each of their next tokens is made from — is this volunteer's now
        assertThat(account(username)).isEqualTo("RESIDENT VOLUNTEER|" + created.get("id"));
    }

    @Test
    void a_party_members_account_registering_as_a_volunteer_is_refused_and_nothing_is_registered() throws Exception {
        Community community = newCommunity();
        String username = "dangyuan-" + UUID.randomUUID().toString().substring(0, 8);
        String partyMember = UUID.randomUUID().toString();
        infrastructure().issuer().putUser(username, Map.of("password", "gridgov-demo-password", "name", "党员",
                "roles", List.of("RESIDENT", "PARTY_MEMBER"), "jurisdiction", community.grid().toString(), "member", partyMember));
        String token = tokenFor(TokenRequest.of(username, "RESIDENT").withJurisdiction(community.grid().toString()));

        post("/api/volunteers", token, Map.of("name", "吴党员", "communityId", community.id().toString(), "phone", "13966668888"))
                .expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith("application/problem+json");

        get("/api/volunteers/ranking?community=" + community.id(), resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        assertThat(account(username)).isEqualTo("RESIDENT PARTY_MEMBER|" + partyMember);
    }

    /** "roles|member" of the identity provider's account, as its user store holds them. */
    private static String account(String username) throws Exception {
        try (Connection db = DriverManager.getConnection(infrastructure().postgres().jdbcUrl("identity"),
                infrastructure().postgres().username(), infrastructure().postgres().password());
             PreparedStatement query = db.prepareStatement("select roles, member from user_account where username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("account " + username).isTrue();
                return row.getString("roles") + "|" + row.getString("member");
            }
        }
    }

    private UUID volunteer(Community community, String name, String phone) {
        Map<?, ?> created = post("/api/volunteers", admin(community.id()), Map.of("name", name,
                "communityId", community.id().toString(), "phone", phone)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created.get("phone")).isNotEqualTo(phone);
        return UUID.fromString(created.get("id").toString());
    }

    private static String volunteerToken(UUID volunteer) {
        return tokenFor(TokenRequest.of("volunteer-" + volunteer, "VOLUNTEER").withMember(volunteer.toString()));
    }
}
