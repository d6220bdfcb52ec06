package org.gridgov.member.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Member units (成员单位) of communities' Grand Party Committees: who takes them in, and who sees their contacts. */
class UnitIT extends MemberServiceIntegrationTest {

    private static final String PHONE = "13900001111";

    private static Map<String, Object> school(Community... communities) {
        return Map.of("name", "敦仁小学", "kind", "SCHOOL",
                "communityIds", List.of(communities).stream().map(community -> community.id().toString()).toList(),
                "contacts", List.of(Map.of("name", "李校长", "role", "党支部书记", "phone", PHONE)));
    }

    @Test
    void an_admin_takes_a_unit_into_the_committees_of_their_communities_and_it_is_announced() {
        Community first = newCommunity();
        Community second = newCommunity();
        String unit = post("/api/units", districtAdmin(), school(first, second)).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("SCHOOL")
                .jsonPath("$.communityIds.length()").isEqualTo(2)
                .jsonPath("$.contacts[0].phone").isEqualTo(PHONE)
                .returnResult().getResponseHeaders().getLocation().getPath().replace("/api/units/", "");

        get("/api/units?community=" + second.id(), resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(unit)
                .jsonPath("$.items[0].name").isEqualTo("敦仁小学")
                .jsonPath("$.items[0].contacts").isEmpty();
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            String event = KafkaTopicReader.value(reader.await(record -> unit.equals(record.key())
                    && "org.gridgov.unit.joined.v1".equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    Duration.ofSeconds(30)).get(0));
            assertThat(event).contains("\"kind\":\"SCHOOL\"", first.id().toString(), second.id().toString())
                    .doesNotContain(PHONE);
        }
    }

    @Test
    void the_unit_and_admins_over_it_see_its_contacts_phones_everyone_else_sees_them_masked() {
        Community community = newCommunity();
        Community elsewhere = newCommunity();
        UUID unit = joinUnit(community, "涪陵区人民医院");
        String path = "/api/units/" + unit;

        get(path, unit(unit)).expectStatus().isOk().expectBody().jsonPath("$.contacts[0].phone").isEqualTo(PHONE);
        get(path, admin(community.id())).expectBody().jsonPath("$.contacts[0].phone").isEqualTo(PHONE);
        for (String other : List.of(resident(), admin(elsewhere.id()), gridStaff(community.grid()), unit(UUID.randomUUID()))) {
            get(path, other).expectStatus().isOk().expectBody()
                    .jsonPath("$.contacts[0].name").isEqualTo("王主任")
                    .jsonPath("$.contacts[0].phone").isEqualTo("139******11");
        }
        get("/api/units/" + UUID.randomUUID(), resident()).expectStatus().isNotFound();
    }

    @Test
    void only_admins_take_units_in_and_only_into_communities_they_are_over() {
        Community community = newCommunity();
        Community elsewhere = newCommunity();

        post("/api/units", gridStaff(community.grid()), school(community)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/units", resident(), school(community)).expectStatus().isForbidden();
        post("/api/units", admin(community.id()), school(community, elsewhere)).expectStatus().isForbidden();
        get("/api/units?community=" + community.id(), resident()).expectBody().jsonPath("$.items").isEmpty();
    }

    @Test
    void a_unit_of_an_unknown_kind_without_communities_or_with_a_bad_phone_is_a_400_problem() {
        Community community = newCommunity();
        String admin = admin(community.id());
        String communities = "\"communityIds\":[\"" + community.id() + "\"]";

        for (String body : List.of(
                "{\"name\":\"某公司\",\"kind\":\"SPACESHIP\"," + communities + "}",
                "{\"name\":\"某公司\",\"kind\":\"ENTERPRISE\",\"communityIds\":[]}",
                "{\"name\":\" \",\"kind\":\"ENTERPRISE\"," + communities + "}",
                "{\"name\":\"某公司\",\"kind\":\"ENTERPRISE\",\"communityIds\":[\"" + UUID.randomUUID() + "\"]}",
                "{\"name\":\"某公司\",\"kind\":\"ENTERPRISE\"," + communities
                        + ",\"contacts\":[{\"name\":\"王\",\"phone\":\"call me\"}]}")) {
            post("/api/units", admin, body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        get("/api/units?community=" + community.id(), admin).expectBody().jsonPath("$.items").isEmpty();
    }
}
