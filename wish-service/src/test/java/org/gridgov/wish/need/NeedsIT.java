package org.gridgov.wish.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The needs list (需求清单): recorded by grid staff, published for matching, listed by jurisdiction. */
class NeedsIT extends WishIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String need(UUID grid, String title, boolean publish) {
        return """
                {"gridId":"%s","category":"REPAIRS","title":"%s","description":"变压器损坏","householdsAffected":338,
                 "priority":"URGENT","foundBy":"WALK","publish":%s}""".formatted(grid, title, publish);
    }

    private UUID record(String token, UUID grid, String title) {
        JsonNode created = post(token, "/api/needs", need(grid, title, false), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(created.get("id").asString());
    }

    @Test
    void grid_staff_record_a_need_and_publish_it_for_the_yearly_matching() {
        Neighbourhood n = neighbourhood();
        String staff = staffOf(n.grid);

        JsonNode created = post(staff, "/api/needs", need(n.grid, "朝华新城变压器损坏", false), null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("status").asString()).isEqualTo("RECORDED");
        assertThat(created.get("communityId").asString()).isEqualTo(n.community.toString());
        UUID need = UUID.fromString(created.get("id").asString());
        JsonNode recorded = JSON.readTree(KafkaTopicReader.value(awaitEvents("org.gridgov.need.recorded.v1", need, 1).get(0)));
        assertThat(recorded.get("householdsAffected").asInt()).isEqualTo(338);
        assertThat(recorded.get("foundBy").asString()).isEqualTo("WALK");
        assertThat(settledEvents("org.gridgov.need.published.v1", need)).isEmpty();

        post(staff, "/api/needs/" + need + "/publish", null, null)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        awaitEvents("org.gridgov.need.published.v1", need, 1);
        post(staff, "/api/needs/" + need + "/publish", null, null).expectStatus().isEqualTo(409);
        assertThat(settledEvents("org.gridgov.need.published.v1", need)).hasSize(1);
    }

    @Test
    void a_need_recorded_with_publish_is_announced_as_recorded_and_published() {
        Neighbourhood n = neighbourhood();
        JsonNode created = post(admin("COMMUNITY_ADMIN", n.community), "/api/needs", need(n.otherGrid, "长江星辰架空层", true), null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        UUID need = UUID.fromString(created.get("id").asString());
        assertThat(created.get("status").asString()).isEqualTo("PUBLISHED");
        awaitEvents("org.gridgov.need.recorded.v1", need, 1);
        awaitEvents("org.gridgov.need.published.v1", need, 1);
    }

    @Test
    void the_list_shows_the_needs_of_the_callers_jurisdiction_by_grid_and_status_a_page_at_a_time() {
        Neighbourhood n = neighbourhood();
        List<UUID> inGrid = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inGrid.add(record(staffOf(n.grid), n.grid, "需求" + i));
        }
        UUID elsewhere = record(staffOf(n.otherGrid), n.otherGrid, "另一网格的需求");
        post(staffOf(n.grid), "/api/needs/" + inGrid.get(0) + "/publish", null, null).expectStatus().isOk();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = getJson(staffOf(n.grid), "/api/needs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").valueStream().forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.path("next").asString(null);
            assertThat(page.path("nextCursor").asString(null)).as("the old name, kept for one release").isEqualTo(cursor);
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(inGrid.stream().map(UUID::toString).toList());

        JsonNode published = getJson(staffOf(n.grid), "/api/needs?status=PUBLISHED").get("items");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).get("id").asString()).isEqualTo(inGrid.get(0).toString());
        JsonNode otherGrid = getJson(admin("COMMUNITY_ADMIN", n.community), "/api/needs?grid=" + n.otherGrid).get("items");
        assertThat(otherGrid.valueStream().map(item -> item.get("id").asString())).containsExactly(elsewhere.toString());
        assertThat(getJson(staffOf(n.otherGrid), "/api/needs?grid=" + n.grid).get("items")).isEmpty();
    }

    @Test
    void needs_outside_the_callers_reach_or_malformed_are_refused() {
        Neighbourhood n = neighbourhood();
        UUID need = record(staffOf(n.grid), n.grid, "需求");

        post(resident("r-needs"), "/api/needs", need(n.grid, "居民不能记录", false), null).expectStatus().isForbidden();
        post(staffOf(n.otherGrid), "/api/needs", need(n.grid, "别的网格", false), null).expectStatus().isForbidden();
        post(staffOf(n.grid), "/api/needs", need(UUID.randomUUID(), "没有这个网格", false), null).expectStatus().isForbidden();
        post(admin("COMMUNITY_ADMIN", n.community), "/api/needs", need(n.microGrid, "微网格不是网格", false), null)
                .expectStatus().isEqualTo(422);
        post(staffOf(n.grid), "/api/needs", need(n.grid, "x", false).replace("338", "0"), null).expectStatus().isBadRequest();
        post(staffOf(n.grid), "/api/needs", need(n.grid, "x", false).replace("WALK", "GUESS"), null).expectStatus().isBadRequest();
        get(staffOf(n.otherGrid), "/api/needs/" + need).expectStatus().isNotFound();
        post(staffOf(n.otherGrid), "/api/needs/" + need + "/publish", null, null).expectStatus().isNotFound();
        get(unit(n.unitA), "/api/needs").expectStatus().isForbidden();

        assertThat(getJson(admin("COMMUNITY_ADMIN", n.community), "/api/needs").get("items")).hasSize(1);
    }
}
