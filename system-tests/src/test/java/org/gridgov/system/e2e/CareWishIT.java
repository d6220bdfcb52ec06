package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's 四个一 · 每年一个心愿 through the gateway, on the whole platform: the grid's staff put a household in care,
 * the carer records the recipient's yearly wish written for the dispatch board, fieldwork-service's event has
 * wish-service order it as a micro-wish in the household's grid, the grid's dispatch board shows it, the ordinary
 * dispatch → claim → fulfil → close loop serves it, and the carer sees on the recipient's page that it was closed.
 */
class CareWishIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String TITLE = "想去一次城市规划馆";

    @Test
    void a_care_recipients_yearly_wish_is_ordered_dispatched_claimed_and_closed_and_the_carer_sees_it() {
        SystemPlatform platform = SystemPlatform.shared();
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        TestCommunity.Grid grid = community.grids().get(0);
        ApiClient staff = community.staff(grid);
        String unit = community.joinUnit("心愿测试单位", "CULTURE");
        String household = TestCommunity.onceKnown(() -> staff.get("/api/grid/nodes/" + grid.id() + "/households"))
                .expect(200).json().at("/items/0/id").asString();

        // put in care once fieldwork-service knows the household from grid.events
        String recipient = TestCommunity.onceKnown(staff, "/api/care-recipients", json(Map.of("householdId", household,
                "groups", List.of("ELDERLY_ALONE"), "carers", List.of("staff-" + grid.id())))).expect(201).field("id");
        String contacts = "/api/care-recipients/" + recipient + "/contacts";
        assertThat(staff.post(contacts, json(Map.of("kind", "YEARLY_WISH", "note", "老人说很想去看看城市规划馆")))
                .expect(400).json().at("/errors/0/field").asString()).isEqualTo("wish");
        String wish = staff.post(contacts, json(Map.of("kind", "YEARLY_WISH", "note", "老人说很想去看看城市规划馆",
                "wish", Map.of("category", "CULTURE", "title", TITLE)))).expect(201).field("wishId");

        JsonNode board = Convergence.eventually(Duration.ofMinutes(2),
                () -> staff.get("/api/wishes?status=SUBMITTED&grid=" + grid.id()).expect(200).json(),
                found -> found.path("items").toString().contains(wish));
        assertThat(board.path("items")).as("on the grid's dispatch board").anySatisfy(item -> {
            assertThat(item.path("id").asString()).isEqualTo(wish);
            assertThat(item.path("title").asString()).isEqualTo(TITLE);
            assertThat(item.path("category").asString()).isEqualTo("CULTURE");
        });
        JsonNode ordered = staff.get("/api/wishes/" + wish).expect(200).json();
        assertThat(ordered.toString()).as("no note, groups or address of the recipient in wish-service")
                .doesNotContain("规划馆的", "老人说", "ELDERLY_ALONE", community.name());

        community.awaitKnownToWishService(unit);
        staff.post("/api/wishes/" + wish + "/dispatch", json(Map.of("note", "四个一心愿，请认领",
                "candidateUnits", List.of(unit)))).expect(200);
        ApiClient claimer = community.unit(unit);
        claimer.post("/api/wishes/" + wish + "/claim", null).expect(200);
        claimer.post("/api/wishes/" + wish + "/fulfil", json(Map.of("note", "已陪同老人参观城市规划馆",
                "servedMemberIds", List.of()))).expect(200);
        staff.post("/api/wishes/" + wish + "/close", json(Map.of("comment", "老人很开心"))).expect(200);

        JsonNode page = Convergence.eventually(Duration.ofMinutes(2),
                () -> staff.get("/api/care-recipients/" + recipient).expect(200).json(),
                found -> "CLOSED".equals(found.at("/wishes/0/status").asString()));
        assertThat(page.path("wishes")).singleElement().satisfies(w -> {
            assertThat(w.path("wishId").asString()).isEqualTo(wish);
            assertThat(w.path("status").asString()).as("the carer sees the wish served").isEqualTo("CLOSED");
        });
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
