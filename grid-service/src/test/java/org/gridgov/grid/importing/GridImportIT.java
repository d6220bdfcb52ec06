package org.gridgov.grid.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.grid.importing.domain.CommunityDocuments.community;
import static org.gridgov.grid.importing.domain.CommunityDocuments.road;
import static org.gridgov.grid.importing.domain.CommunityDocuments.uniqueName;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withGrids;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withHouseholds;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withStaff;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.EventType;

import org.gridgov.grid.GridServiceTestBase;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportDocument.GridRow;
import org.gridgov.grid.importing.domain.ImportDocument.HouseholdRow;
import org.gridgov.grid.importing.domain.ImportDocument.MicroGridRow;
import org.gridgov.grid.importing.domain.ImportDocument.StaffRow;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class GridImportIT extends GridServiceTestBase {

    private final UUID districtId = UUID.randomUUID();
    private final String districtAdmin = admin("DISTRICT_ADMIN", districtId);
    private final ImportDocument document = community(new Area(districtId.toString(), uniqueName("区")),
            new Area(null, uniqueName("街道")), new Area(null, uniqueName("社区")));

    @Test
    void a_community_document_is_accepted_at_once_and_then_applied_with_counts_per_section() {
        JsonNode accepted = submit(document, districtAdmin, null);
        assertThat(accepted.get("status").asString()).isEqualTo("QUEUED");
        assertThat(accepted.at("/progress/total").asInt()).isEqualTo(3 + 2 + 3 + 2 + 16 + 17);

        JsonNode report = awaitFinished(accepted.get("id").asString(), districtAdmin);

        assertThat(report.get("status").asString()).isEqualTo("APPLIED");
        assertThat(report.at("/summary/areas/created").asInt()).isEqualTo(3);
        assertThat(report.at("/summary/grids/created").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/microGrids/created").asInt()).isEqualTo(3);
        assertThat(report.at("/summary/hubHouseholds/created").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/households/created").asInt()).isEqualTo(16);
        assertThat(report.at("/summary/staff/created").asInt()).isEqualTo(17);
        assertThat(report.at("/progress/done").asInt()).isEqualTo(report.at("/progress/total").asInt()).isEqualTo(43);
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("finishedAt")).isNotNull();
        JsonNode community = communityNode(districtAdmin);
        assertThat(community.get("id").asString()).isEqualTo(report.get("communityId").asString());
        assertThat(community.at("/counts/households").asInt()).isEqualTo(16);
        assertThat(community.at("/counts/shops").asInt()).isEqualTo(4);
        assertThat(community.at("/counts/hubHouseholds").asInt()).isEqualTo(2);
        assertThat(community.at("/counts/staff").asInt()).isEqualTo(17);
    }

    @Test
    void a_malformed_document_is_refused_as_a_whole_with_each_problem_and_changes_nothing() {
        importAndWait(document, districtAdmin);
        ImportDocument malformed = withHouseholds(withGrids(document, rows -> {
            rows.add(new GridRow(null, "G3", "三网格", "RESIDENTIAL"));
            rows.add(new GridRow(null, "G1", "重复的一网格", "RESIDENTIAL"));
            return rows;
        }), rows -> {
            rows.add(new HouseholdRow(road(document) + "30号", "SHOP", "G2-1", null));
            rows.add(new HouseholdRow("没有门牌", "RESIDENT", "G1-1", null));
            rows.add(new HouseholdRow(road(document) + "31号", "SHOP", "G9-9", null));
            return rows;
        });

        JsonNode report = importAndWait(malformed, districtAdmin);

        assertThat(report.get("status").asString()).isEqualTo("REJECTED");
        assertThat(report.get("problemCount").asInt()).isEqualTo(3);
        assertThat(report.get("problems")).isEqualTo(json.readTree("""
                [{"section":"grids","row":3,"field":"code","reason":"repeats the code of grids[0]"},
                 {"section":"households","row":17,"field":"address","reason":"is not an address this service can place: it names no door, building or room number, or is longer than 200 characters"},
                 {"section":"households","row":18,"field":"microGrid","reason":"names no micro-grid of this document or community"}]"""));
        JsonNode community = communityNode(districtAdmin);
        assertThat(community.at("/counts/households").asInt()).as("the valid new shop was not added").isEqualTo(16);
        assertThat(get("/api/grid/nodes?kind=GRID&parent=" + community.get("id").asString(), districtAdmin)
                .get("items")).extracting(grid -> grid.get("code").asString()).containsExactly("G1", "G2");
    }

    @Test
    void a_control_character_in_a_name_or_an_address_is_reported_at_its_row_and_nothing_is_imported() {
        ImportDocument broken = withHouseholds(withGrids(document, rows -> {
            rows.set(1, new GridRow(null, "G2", "二网格\u0000商圈", "COMMERCIAL"));
            return rows;
        }), rows -> {
            rows.add(new HouseholdRow(road(document) + "30\u0000号", "SHOP", "G2-1", null));
            return rows;
        });

        JsonNode report = importAndWait(broken, districtAdmin);

        assertThat(report.get("status").asString()).isEqualTo("REJECTED");
        assertThat(report.get("problems")).isEqualTo(json.readTree("""
                [{"section":"grids","row":1,"field":"name","reason":"contains a control character"},
                 {"section":"households","row":16,"field":"address","reason":"contains a control character"}]"""));
        assertThat(get("/api/grid/nodes?kind=COMMUNITY&name=" + document.community().name(), districtAdmin).get("items"))
                .isEmpty();
    }

    @Test
    void a_staff_row_naming_an_unregistered_party_member_is_refused_and_placed_once_the_member_is_registered() {
        importAndWait(document, districtAdmin);
        String communityId = communityNode(districtAdmin).get("id").asString();
        UUID member = UUID.randomUUID();
        ImportDocument naming = withStaff(document, rows -> {
            StaffRow first = rows.get(0);
            rows.set(0, new StaffRow(first.grid(), first.microGrid(), first.role(), null, member.toString(), first.name()));
            return rows;
        });

        JsonNode refused = importAndWait(naming, districtAdmin);

        assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("problems")).isEqualTo(json.readTree("""
                [{"section":"staff","row":0,"field":"memberId","reason":"names no party member registered on the platform"}]"""));

        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", member.toString(), "kind", "RESIDENT",
                "communityId", communityId, "occurredAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(importAndWait(naming, districtAdmin).get("status").asString()).isEqualTo("APPLIED"));
    }

    @Test
    void importing_the_same_document_again_changes_nothing() {
        importAndWait(document, districtAdmin);
        JsonNode before = get("/api/grid/nodes/" + communityNode(districtAdmin).get("id").asString() + "/tree?depth=3",
                districtAdmin);

        JsonNode again = importAndWait(document, districtAdmin);

        assertThat(again.get("status").asString()).isEqualTo("APPLIED");
        for (String section : List.of("areas", "grids", "microGrids", "hubHouseholds", "households", "staff")) {
            assertThat(again.at("/summary/" + section + "/created").asInt()).as(section).isZero();
            assertThat(again.at("/summary/" + section + "/updated").asInt()).as(section).isZero();
        }
        assertThat(again.at("/summary/households/unchanged").asInt()).isEqualTo(16);
        assertThat(again.at("/progress/total").asInt()).isZero();
        JsonNode after = get("/api/grid/nodes/" + communityNode(districtAdmin).get("id").asString() + "/tree?depth=3",
                districtAdmin);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_later_document_updates_what_it_changes_and_adds_what_is_new() {
        importAndWait(document, districtAdmin);
        ImportDocument changed = withHouseholds(withGrids(document, rows -> {
            rows.set(1, new GridRow(null, "G2", "二网格 兴华商圈", "COMMERCIAL"));
            return rows;
        }), rows -> {
            rows.add(new HouseholdRow(road(document) + "24号", "SHOP", "G2-1", null));
            return rows;
        });

        JsonNode report = importAndWait(changed, districtAdmin);

        assertThat(report.at("/summary/grids/updated").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/grids/unchanged").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/households/created").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/households/unchanged").asInt()).isEqualTo(16);
        assertThat(communityNode(districtAdmin).at("/counts/shops").asInt()).isEqualTo(5);
    }

    @Test
    void a_community_of_ten_thousand_households_is_imported_whole() {
        List<MicroGridRow> microGrids = new ArrayList<>();
        List<HouseholdRow> households = new ArrayList<>();
        String road = uniqueName("大道");
        for (int building = 1; building <= 100; building++) {
            microGrids.add(new MicroGridRow(null, "M" + building, building <= 50 ? "G1" : "G2", building + "栋"));
            for (int room = 1; room <= 100; room++) {
                households.add(new HouseholdRow(road + "8号" + building + "栋" + (room % 4 + 1) + "单元" + room + "室",
                        "RESIDENT", "M" + building, null));
            }
        }
        ImportDocument large = new ImportDocument(document.district(), document.street(), document.community(),
                document.grids(), microGrids, List.of(), households, List.of());

        JsonNode report = importAndWait(large, districtAdmin);

        assertThat(report.get("status").asString()).isEqualTo("APPLIED");
        assertThat(report.at("/summary/households/created").asInt()).isEqualTo(10_000);
        assertThat(report.at("/progress/done").asInt()).isEqualTo(report.at("/progress/total").asInt());
        assertThat(communityNode(districtAdmin).at("/counts/households").asInt()).isEqualTo(10_000);
    }

    @Test
    void a_script_may_wait_for_the_import_to_finish_instead_of_polling() {
        String key = "waited-" + UUID.randomUUID();
        var first = importWaiting(key)
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(String.class).returnResult();
        JsonNode report = json.readTree(first.getResponseBody());

        assertThat(report.get("status").asString()).isEqualTo("APPLIED");
        assertThat(first.getResponseHeaders().getLocation()).hasToString("/api/grid/imports/" + report.get("id").asString());
        // the script run again: the same import's report, marked as a repeat, so it can tell nothing new happened
        importWaiting(key)
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(report.get("id").asString());
        web.post().uri("/api/grid/imports?wait=600").headers(h -> h.setBearerAuth(districtAdmin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(document))
                .exchange().expectStatus().isBadRequest();
    }

    private WebTestClient.ResponseSpec importWaiting(String idempotencyKey) {
        return web.post().uri("/api/grid/imports?wait=60")
                .headers(h -> {
                    h.setBearerAuth(districtAdmin);
                    h.set("Idempotency-Key", idempotencyKey);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(document))
                .exchange();
    }

    @Test
    void a_repeated_request_with_the_same_idempotency_key_is_the_same_import() {
        JsonNode first = submit(document, districtAdmin, "import-" + districtId);

        String replayed = web.post().uri("/api/grid/imports")
                .headers(h -> {
                    h.setBearerAuth(districtAdmin);
                    h.set("Idempotency-Key", "import-" + districtId);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(document))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(json.readTree(replayed).get("id")).isEqualTo(first.get("id"));
        assertThat(awaitFinished(first.get("id").asString(), districtAdmin).get("status").asString()).isEqualTo("APPLIED");
    }

    @Test
    void only_admins_may_import() {
        for (String role : List.of("GRID_STAFF", "RESIDENT", "PARTY_MEMBER", "UNIT", "CLIENT")) {
            web.post().uri("/api/grid/imports")
                    .headers(h -> h.setBearerAuth(token(org.gridgov.infra.TokenRequest.of("someone", role)
                            .withJurisdiction(districtId.toString()))))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(json.writeValueAsString(document))
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void an_admin_cannot_import_outside_their_jurisdiction() {
        JsonNode report = importAndWait(document, districtAdmin);
        String communityAdmin = admin("COMMUNITY_ADMIN", UUID.fromString(report.get("communityId").asString()));
        ImportDocument neighbour = community(document.district(), document.street(), new Area(null, uniqueName("社区")));
        ImportDocument elsewhere = community();

        for (ImportDocument outside : List.of(neighbour, elsewhere)) {
            web.post().uri("/api/grid/imports")
                    .headers(h -> h.setBearerAuth(communityAdmin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(json.writeValueAsString(outside))
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.detail").isEqualTo("An import may only create or change nodes inside your jurisdiction.");
        }
        assertThat(importAndWait(document, communityAdmin).get("status").asString()).as("its own community").isEqualTo("APPLIED");
    }

    @Test
    void an_import_report_is_shown_only_to_its_requester_and_admins_above_its_community() {
        JsonNode report = importAndWait(document, districtAdmin);
        String path = "/api/grid/imports/" + report.get("id").asString();
        String otherDistrictAdmin = admin("DISTRICT_ADMIN", UUID.randomUUID());
        String communityAdmin = admin("COMMUNITY_ADMIN", UUID.fromString(report.get("communityId").asString()));

        web.get().uri(path).headers(h -> h.setBearerAuth(otherDistrictAdmin)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri(path).headers(h -> h.setBearerAuth(staffOf(UUID.fromString(report.get("communityId").asString()))))
                .exchange().expectStatus().isNotFound();
        assertThat(get(path, communityAdmin).get("status").asString()).isEqualTo("APPLIED");
    }

    @Test
    void a_document_that_is_not_the_expected_json_is_a_400_problem_saying_where() {
        web.post().uri("/api/grid/imports").headers(h -> h.setBearerAuth(districtAdmin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"district\":{\"name\":\"区\"},\"households\":[{\"address\":{\"no\":1}}]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/invalid-request")
                .jsonPath("$.pointer").isEqualTo("/households/0/address");
        web.post().uri("/api/grid/imports").headers(h -> h.setBearerAuth(districtAdmin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"grids\": [")
                .exchange().expectStatus().isBadRequest();
        web.post().uri("/api/grid/imports").headers(h -> h.setBearerAuth(districtAdmin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"grids\": []}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("district.name", "street.name", "community.name"));
        web.get().uri("/api/grid/imports/not-a-uuid").headers(h -> h.setBearerAuth(districtAdmin))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void a_document_over_the_size_limit_is_a_413_problem() {
        String oversized = "{\"households\":[" + "{\"address\":\"x\"},".repeat(300_000) + "{}]}";

        web.post().uri("/api/grid/imports").headers(h -> h.setBearerAuth(districtAdmin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(oversized)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/payload-too-large");
    }

    private JsonNode communityNode(String token) {
        JsonNode found = get("/api/grid/nodes?kind=COMMUNITY&name=" + document.community().name(), token).get("items");
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
