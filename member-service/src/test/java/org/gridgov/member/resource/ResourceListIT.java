package org.gridgov.member.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Resource lists (资源清单): immutable versions per period, and capacity used by claims and projects. */
class ResourceListIT extends MemberServiceIntegrationTest {

    @Autowired
    DatabaseClient db;

    @Test
    void every_submission_is_a_new_version_and_earlier_versions_stay_as_they_were() {
        Community community = newCommunity();
        UUID unit = joinUnit(community, "区人民医院");
        String list = "/api/units/" + unit + "/resource-lists/2026";
        put(list, unit(unit), Map.of("items", List.of(
                item("HEALTH", "义诊", 10, community.id()),
                item("LEGAL_AID", "法律咨询", 5, community.grid())))).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(1);
        String clinic = firstItemId(list);

        put(list, admin(community.id()), Map.of("items", List.of(
                item("HEALTH", "义诊", 12, community.id()),
                item("ELDERLY_CARE", "上门体检", 3, community.otherGrid())))).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.latest").isEqualTo(true)
                .jsonPath("$.items[0].itemId").isEqualTo(clinic)
                .jsonPath("$.items[0].capacity").isEqualTo(12)
                .jsonPath("$.items[0].remaining").isEqualTo(12);

        get(list + "?version=1", resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.latest").isEqualTo(false)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].capacity").isEqualTo(10)
                .jsonPath("$.items[1].title").isEqualTo("法律咨询")
                .jsonPath("$.items[1].remaining").doesNotExist();
        get(list + "/versions", resident()).expectStatus().isOk().expectBody()
                .jsonPath("$[0].version").isEqualTo(2)
                .jsonPath("$[1].version").isEqualTo(1);

        put("/api/units/" + unit + "/resource-lists/2026H2", unit(unit), Map.of("items", List.of(
                item("HEALTH", "义诊", 6, community.id())))).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(1);
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            List<String> types = reader.await(record -> unit.toString().equals(record.key())
                            && KafkaTopicReader.header(record, "ce_type").startsWith("org.gridgov.resourcelist."), 3, Duration.ofSeconds(30))
                    .stream().map(record -> KafkaTopicReader.header(record, "ce_type")).toList();
            assertThat(types).containsExactly("org.gridgov.resourcelist.published.v1", "org.gridgov.resourcelist.revised.v1",
                    "org.gridgov.resourcelist.revised.v1");
        }
    }

    @Test
    void claimed_wishes_and_signed_projects_use_capacity_and_released_claims_give_it_back() {
        Community community = newCommunity();
        UUID unit = joinUnit(community, "敦仁社工站");
        String list = "/api/units/" + unit + "/resource-lists/2026";
        put(list, unit(unit), Map.of("items", List.of(item("ELDERLY_CARE", "助老送餐", 3, community.id()))))
                .expectStatus().isOk();
        String meals = firstItemId(list);
        UUID wish = UUID.randomUUID();
        publishWishEvent("org.gridgov.wish.submitted.v1", wish, submitted(community, "ELDERLY_CARE"), UUID.randomUUID());
        publishWishEvent("org.gridgov.wish.claimed.v1", wish, Map.of("actor", Map.of("id", "unit", "role", "UNIT"),
                "status", "CLAIMED", "claimer", Map.of("kind", "UNIT", "id", unit.toString()),
                "occurredAt", "2026-03-10T09:00:00Z"), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(remaining(list)).isEqualTo(2));

        UUID project = signedProject(community, unit);
        UUID another = signedProject(community, unit);
        post(list + "/items/" + meals + "/allocations", admin(community.id()),
                Map.of("projectId", project.toString(), "quantity", 2)).expectStatus().isCreated()
                .expectBody().jsonPath("$.remaining").isEqualTo(0);
        post(list + "/items/" + meals + "/allocations", admin(community.id()),
                Map.of("projectId", another.toString(), "quantity", 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.reason").isEqualTo("CAPACITY_EXHAUSTED");
        put(list, unit(unit), Map.of("items", List.of(item("ELDERLY_CARE", "助老送餐", 2, community.id()))))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.reason").isEqualTo("CAPACITY_BELOW_USE");

        publishWishEvent("org.gridgov.wish.released.v1", wish, Map.of("actor", Map.of("id", "unit", "role", "UNIT"),
                "status", "DISPATCHED", "claimer", Map.of("kind", "UNIT", "id", unit.toString()), "reason", "人手不足"),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(remaining(list)).isEqualTo(1));
        get(list + "/versions", resident()).expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void capacity_goes_only_to_a_project_the_unit_signed() {
        Community community = newCommunity();
        UUID unit = joinUnit(community, "敦仁卫生院");
        UUID neighbour = joinUnit(community, "敦仁派出所");
        String list = "/api/units/" + unit + "/resource-lists/2026";
        put(list, unit(unit), Map.of("items", List.of(item("HEALTH", "义诊", 5, community.id())))).expectStatus().isOk();
        String clinics = firstItemId(list);
        UUID neighboursProject = signedProject(community, neighbour);

        for (UUID named : List.of(UUID.randomUUID(), neighboursProject)) {
            post(list + "/items/" + clinics + "/allocations", admin(community.id()),
                    Map.of("projectId", named.toString(), "quantity", 1)).expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("projectId");
        }
        assertThat(remaining(list)).as("nothing was booked").isEqualTo(5);
        post(list + "/items/" + clinics + "/allocations", admin(community.id()),
                Map.of("projectId", signedProject(community, unit).toString(), "quantity", 1)).expectStatus().isCreated()
                .expectBody().jsonPath("$.remaining").isEqualTo(4);
    }

    /** A project whose agreement the unit signed, as committee-service announces it, arrived in the read model. */
    private UUID signedProject(Community community, UUID unit) {
        UUID project = UUID.randomUUID();
        publishProjectEvent("org.gridgov.project.signed.v1", project, Map.of("communityId", community.id().toString(),
                "year", 2026, "unitId", unit.toString(), "agreementNumber", "2026-" + project.toString().substring(0, 3),
                "milestones", List.of()), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> db.sql(
                        "select count(*) from unit_project_fact where project_id = :id and kind = 'SIGNED'")
                .bind("id", project).map(row -> row.get(0, Long.class)).one().block() == 1);
        return project;
    }

    @Test
    void only_the_unit_or_admins_over_its_communities_submit_its_list_within_those_communities() {
        Community community = newCommunity();
        Community elsewhere = newCommunity();
        UUID unit = joinUnit(community, "太平街小学");
        UUID otherUnit = joinUnit(community, "物业公司");
        String list = "/api/units/" + unit + "/resource-lists/2026";
        Map<String, Object> body = Map.of("items", List.of(item("EDUCATION", "课后辅导", 4, community.grid())));

        put(list, unit(otherUnit), body).expectStatus().isForbidden();
        put(list, admin(elsewhere.id()), body).expectStatus().isForbidden();
        put(list, resident(), body).expectStatus().isForbidden();
        put(list, unit(unit), Map.of("items", List.of(item("EDUCATION", "课后辅导", 4, elsewhere.grid()))))
                .expectStatus().isBadRequest();
        put(list, unit(unit), Map.of("items", List.of(item("EDUCATION", "课后辅导", -1, community.grid()))))
                .expectStatus().isBadRequest();
        put(list, unit(unit), Map.of("items", List.of(item("EDUCATION", "课后辅导", 4, community.grid()),
                item("EDUCATION", "课后辅导", 2, community.grid())))).expectStatus().isBadRequest();
        put("/api/units/" + unit + "/resource-lists/2026H3", unit(unit), body).expectStatus().isBadRequest();
        put("/api/units/" + UUID.randomUUID() + "/resource-lists/2026", admin(community.id()), body).expectStatus().isNotFound();
        get(list, resident()).expectStatus().isNotFound();
        put(list, unit(unit), body).expectStatus().isOk();
    }

    private static Map<String, Object> item(String category, String title, int capacity, UUID area) {
        return Map.of("category", category, "title", title, "capacity", capacity, "area", List.of(area.toString()));
    }

    private static Map<String, Object> submitted(Community community, String category) {
        return Map.of("actor", Map.of("id", "resident-1", "role", "RESIDENT"), "status", "SUBMITTED",
                "category", category, "title", "需要帮助", "gridId", community.grid().toString(),
                "microGridId", UUID.randomUUID().toString(), "communityId", community.id().toString());
    }

    private String firstItemId(String list) {
        Map<?, ?> body = get(list, resident()).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Map<?, ?>) ((List<?>) body.get("items")).get(0)).get("itemId").toString();
    }

    private int remaining(String list) {
        Map<?, ?> body = get(list, resident()).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((Map<?, ?>) ((List<?>) body.get("items")).get(0)).get("remaining")).intValue();
    }
}
