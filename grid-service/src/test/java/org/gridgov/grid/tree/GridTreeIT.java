package org.gridgov.grid.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridgov.grid.importing.domain.CommunityDocuments.community;
import static org.gridgov.grid.importing.domain.CommunityDocuments.uniqueName;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withMicroGrids;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.grid.GridServiceTestBase;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportDocument.MicroGridRow;
import org.gridgov.grid.readmodel.PartyMembers;
import org.gridgov.infra.TokenRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Tree queries, households, staff and retirement on an imported community (see CommunityDocuments). */
class GridTreeIT extends GridServiceTestBase {

    @Autowired
    PartyMembers members;

    private final UUID districtId = UUID.randomUUID();
    private final String districtAdmin = admin("DISTRICT_ADMIN", districtId);
    private final ImportDocument document = community(new Area(districtId.toString(), uniqueName("区")),
            new Area(null, uniqueName("街道")), new Area(null, uniqueName("社区")));
    private final Map<String, UUID> ids = new HashMap<>();

    @BeforeEach
    void importCommunity() {
        JsonNode report = importAndWait(document, districtAdmin);
        assertThat(report.get("status").asString()).isEqualTo("APPLIED");
        ids.put("community", UUID.fromString(report.get("communityId").asString()));
        collect(get(tree("community", 3), districtAdmin));
    }

    @Test
    void every_node_counts_the_households_shops_hub_households_and_staff_inside_it() {
        Map<String, JsonNode> nodes = new HashMap<>();
        flatten(get(tree("community", 3), districtAdmin), nodes);

        assertThat(counts(nodes.get("community"))).containsExactly(16, 4, 2, 17);
        assertThat(counts(nodes.get("G1"))).containsExactly(12, 0, 2, 9);
        assertThat(counts(nodes.get("G2"))).containsExactly(4, 4, 0, 8);
        assertThat(counts(nodes.get("G1-1"))).containsExactly(6, 0, 1, 1);
        assertThat(counts(nodes.get("H1"))).as("a hub counts the households it links").containsExactly(3, 0, 1, 0);
        assertThat(counts(get("/api/grid/nodes/" + districtId, districtAdmin))).containsExactly(16, 4, 2, 17);
    }

    @Test
    void party_members_announced_by_member_service_are_counted_once_in_every_node_above_where_they_serve() {
        UUID inGrid = UUID.randomUUID();
        UUID inCommunity = UUID.randomUUID();
        UUID reportedIn = UUID.randomUUID();
        String community = ids.get("community").toString();
        String now = Instant.now().toString();
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", inGrid.toString(), "kind", "RESIDENT",
                "communityId", community, "gridId", ids.get("G1").toString(), "occurredAt", now));
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", inCommunity.toString(), "kind", "RETIRED",
                "communityId", community, "occurredAt", now));
        // an in-service member registered in a community this district does not have, reporting in here (双报到)
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", reportedIn.toString(), "kind", "IN_SERVICE",
                "communityId", UUID.randomUUID().toString(), "occurredAt", now));
        publish(EventType.MEMBER_DUAL_REPORTED, Map.of("memberId", reportedIn.toString(), "communityId", community,
                "workUnit", "区税务局", "occurredAt", now));
        publish(EventType.MEMBER_DUAL_REPORTED, Map.of("memberId", inGrid.toString(), "communityId", community,
                "workUnit", "区教委", "occurredAt", now));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(get(tree("community", 0), districtAdmin).at("/counts/partyMembers").asInt()).isEqualTo(3));
        Map<String, JsonNode> nodes = new HashMap<>();
        flatten(get(tree("community", 2), districtAdmin), nodes);
        assertThat(nodes.get("G1").at("/counts/partyMembers").asInt()).isEqualTo(1);
        assertThat(nodes.get("G2").at("/counts/partyMembers").asInt()).isZero();
        assertThat(nodes.get("G1-1").at("/counts/partyMembers").asInt()).isZero();
        assertThat(get("/api/grid/nodes/" + districtId, districtAdmin).at("/counts/partyMembers").asInt()).isEqualTo(3);
    }

    @Test
    void a_tree_reaches_down_as_deep_as_asked() {
        JsonNode shallow = get(tree("community", 1), districtAdmin);

        assertThat(shallow.get("children")).extracting(child -> child.get("code").asString()).containsExactly("G1", "G2");
        assertThat(shallow.get("children")).allSatisfy(grid -> assertThat(grid.get("children")).isEmpty());
        assertThat(get("/api/grid/nodes/" + districtId + "/tree?depth=0", districtAdmin).get("children")).isEmpty();
        web.get().uri(tree("community", 4)).headers(h -> h.setBearerAuth(districtAdmin)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_node_shows_its_kind_parent_path_and_current_staff() {
        JsonNode grid = get("/api/grid/nodes/" + ids.get("G1"), districtAdmin);

        assertThat(grid.get("kind").asString()).isEqualTo("GRID");
        assertThat(grid.get("gridKind").asString()).isEqualTo("RESIDENTIAL");
        assertThat(grid.get("parentId").asString()).isEqualTo(ids.get("community").toString());
        assertThat(grid.get("path")).hasSize(3);
        assertThat(grid.get("path").get(0).asString()).isEqualTo(districtId.toString());
        assertThat(grid.get("path").get(2).asString()).isEqualTo(ids.get("community").toString());
        assertThat(grid.get("staff")).extracting(holder -> holder.get("role").asString())
                .containsExactlyInAnyOrder("GRID_CHIEF", "PARTY_INSTRUCTOR", "SAFETY_SANITATION", "MEDIATOR",
                        "FIREFIGHTER", "POLICE", "PATROLLER");
        JsonNode microGrid = get("/api/grid/nodes/" + ids.get("G1-1"), token("RESIDENT"));
        assertThat(microGrid.get("path").get(3).asString()).as("anyone may read the tree").isEqualTo(ids.get("G1").toString());
    }

    @Test
    void children_come_with_their_counts() {
        JsonNode children = web.get().uri("/api/grid/nodes/" + ids.get("G1") + "/children")
                .headers(h -> h.setBearerAuth(districtAdmin)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(children).extracting(child -> child.get("code").asString()).containsExactly("G1-1", "G1-2");
        assertThat(children).extracting(child -> child.at("/counts/households").asInt()).containsExactly(6, 6);
    }

    @Test
    void nodes_are_found_by_kind_name_and_parent_a_page_at_a_time() {
        String search = "/api/grid/nodes?kind=MICRO_GRID&parent=" + ids.get("G1") + "&limit=1";

        JsonNode first = get(search, districtAdmin);
        JsonNode second = get(search + "&cursor=" + first.get("next").asString(), districtAdmin);

        assertThat(first.get("items")).extracting(node -> node.get("code").asString()).containsExactly("G1-1");
        assertThat(second.get("items")).extracting(node -> node.get("code").asString()).containsExactly("G1-2");
        assertThat(second.get("next")).isNull();
        assertThat(get("/api/grid/nodes?name=" + document.community().name(), districtAdmin).get("items"))
                .extracting(node -> node.get("id").asString()).containsExactly(ids.get("community").toString());
        for (String bad : List.of("?kind=PLANET", "?cursor=%%%", "?limit=0", "?limit=many", "?parent=nope",
                "/" + ids.get("G1") + "/tree?depth=deep", "/" + ids.get("G1") + "/households?cursor=nope",
                "/" + ids.get("G1") + "/households?limit=201", "/nope/children")) {
            web.get().uri("/api/grid/nodes" + bad).headers(h -> h.setBearerAuth(districtAdmin)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/grid/nodes/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(districtAdmin)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void grid_staff_list_the_households_of_their_grid_a_page_at_a_time() {
        String staff = staffOf(ids.get("G1"));
        String path = "/api/grid/nodes/" + ids.get("G1") + "/households?limit=5";
        List<JsonNode> households = new ArrayList<>();

        JsonNode page = get(path, staff);
        int pages = 1;
        page.get("items").forEach(households::add);
        while (page.has("next") && pages < 10) {
            page = get(path + "&cursor=" + page.get("next").asString(), staff);
            page.get("items").forEach(households::add);
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(households).hasSize(12);
        List<String> addresses = households.stream().map(household -> household.get("address").asString()).toList();
        assertThat(addresses).isSorted().doesNotHaveDuplicates();
        assertThat(households).filteredOn(household -> household.has("hubHouseholdId")).hasSize(5);
        assertThat(get("/api/grid/nodes/" + ids.get("H1") + "/households", staff).get("items"))
                .as("a hub household lists the households it links").hasSize(3);
        web.get().uri(path + "&cursor=null").headers(h -> h.setBearerAuth(staff)).exchange().expectStatus().isBadRequest();
    }

    @Test
    void households_are_refused_outside_the_callers_jurisdiction_and_to_residents_and_apps() {
        String staffOfG1 = staffOf(ids.get("G1"));
        String otherDistrictAdmin = admin("DISTRICT_ADMIN", UUID.randomUUID());
        List<String> refused = List.of("/api/grid/nodes/" + ids.get("G2") + "/households",
                "/api/grid/nodes/" + ids.get("community") + "/households");
        for (String path : refused) {
            web.get().uri(path).headers(h -> h.setBearerAuth(staffOfG1)).exchange().expectStatus().isForbidden();
        }
        for (String token : List.of(otherDistrictAdmin, token("RESIDENT"), token("CLIENT"),
                token(TokenRequest.of("unit", "UNIT").withJurisdiction(ids.get("community").toString())))) {
            web.get().uri(refused.get(1)).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden()
                    .expectBody(String.class).value(body -> assertThat(body).doesNotContain("号"));
        }
        String communityAdmin = admin("COMMUNITY_ADMIN", ids.get("community"));
        assertThat(get(refused.get(1) + "?limit=200", communityAdmin).get("items")).hasSize(16);
    }

    @Test
    void an_admin_gives_a_role_to_one_person_and_the_history_keeps_the_previous_holder() {
        UUID member = registeredMember();
        String communityAdmin = admin("COMMUNITY_ADMIN", ids.get("community"));

        JsonNode assigned = assign(communityAdmin, ids.get("G1"), "GRID_CHIEF", "{\"memberId\":\"" + member + "\",\"name\":\"王新\"}")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(assigned.get("personId").asString()).as("a party member is named by their member id").isEqualTo(member.toString());
        assertThat(assigned.get("name").asString()).isEqualTo("王新");
        assertThat(get("/api/grid/nodes/" + ids.get("G1"), districtAdmin).get("staff"))
                .filteredOn(holder -> holder.get("role").asString().equals("GRID_CHIEF"))
                .singleElement().satisfies(chief -> assertThat(chief.get("name").asString()).isEqualTo("王新"));
        JsonNode history = get("/api/grid/nodes/" + ids.get("G1") + "/staff", districtAdmin);
        List<JsonNode> chiefs = new ArrayList<>();
        history.forEach(term -> {
            if (term.get("role").asString().equals("GRID_CHIEF")) {
                chiefs.add(term);
            }
        });
        assertThat(chiefs).hasSize(2);
        assertThat(chiefs.get(0).has("until")).as("the current chief").isFalse();
        assertThat(chiefs.get(1).has("until")).as("the previous chief's term ended").isTrue();

        assign(communityAdmin, ids.get("G1"), "GRID_CHIEF", "{\"memberId\":\"" + member + "\",\"name\":\"王新\"}")
                .expectStatus().isOk();
        assertThat(get("/api/grid/nodes/" + ids.get("G1") + "/staff", districtAdmin)).as("the same holder again")
                .hasSize(history.size());
    }

    @Test
    void a_role_held_as_a_party_member_nobody_registered_is_refused_with_422_naming_memberId() {
        UUID nobody = UUID.randomUUID();
        assign(districtAdmin, ids.get("G2"), "GRID_CHIEF", "{\"memberId\":\"" + nobody + "\",\"name\":\"无名\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/unknown-reference")
                .jsonPath("$.errors[0].field").isEqualTo("memberId")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains(nobody.toString()));
        assertThat(get("/api/grid/nodes/" + ids.get("G2") + "/staff", districtAdmin))
                .noneSatisfy(term -> assertThat(term.path("memberId").asString("")).isEqualTo(nobody.toString()));
    }

    @Test
    void a_bad_staff_body_names_the_field_and_what_it_expects() {
        assign(districtAdmin, ids.get("G1"), "POLICE", "{\"personId\":\"nope\",\"name\":\"x\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("personId")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("expected a UUID"));
        assign(districtAdmin, ids.get("G1"), "POLICE", "{\"personId\":\"" + UUID.randomUUID() + "\",\"name\":\" \"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    /** A party member member-service registered in the community, once this service has heard of them. */
    private UUID registeredMember() {
        UUID member = UUID.randomUUID();
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", member.toString(), "kind", "RETIRED",
                "communityId", ids.get("community").toString(), "occurredAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Boolean.TRUE.equals(members.isKnown(member).block()));
        return member;
    }

    @Test
    void a_role_belongs_to_its_kind_of_node_and_names_its_holder() {
        String body = "{\"personId\":\"" + UUID.randomUUID() + "\",\"name\":\"赵六\"}";
        assign(districtAdmin, ids.get("G1"), "MICRO_GRID_CHIEF", body).expectStatus().isBadRequest();
        assign(districtAdmin, ids.get("G1-1"), "GRID_CHIEF", body).expectStatus().isBadRequest();
        assign(districtAdmin, ids.get("G1"), "MAYOR", body).expectStatus().isBadRequest();
        assign(districtAdmin, ids.get("G1"), "POLICE", "{\"name\":\"无编号\"}").expectStatus().isBadRequest();
        assign(districtAdmin, ids.get("G1"), "POLICE", "{\"personId\":\"" + UUID.randomUUID() + "\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assign(districtAdmin, ids.get("G1"), "POLICE", "{\"personId\":\"nope\",\"name\":\"x\"}").expectStatus().isBadRequest();
        assign(districtAdmin, UUID.randomUUID(), "POLICE", body).expectStatus().isNotFound();
        assign(districtAdmin, ids.get("G1-1"), "MICRO_GRID_CHIEF", body).expectStatus().isOk();
    }

    @Test
    void only_admins_within_their_jurisdiction_assign_staff() {
        String body = "{\"personId\":\"" + UUID.randomUUID() + "\",\"name\":\"钱七\"}";
        assign(staffOf(ids.get("G1")), ids.get("G1"), "POLICE", body).expectStatus().isForbidden();
        assign(admin("COMMUNITY_ADMIN", UUID.randomUUID()), ids.get("G1"), "POLICE", body).expectStatus().isForbidden();
        assign(admin("STREET_ADMIN", ids.get("community")), ids.get("G1"), "POLICE", body).expectStatus().isOk();
    }

    @Test
    void a_repeated_assignment_with_the_same_key_is_answered_once_and_another_request_under_it_is_422() {
        String body = "{\"personId\":\"" + UUID.randomUUID() + "\",\"name\":\"孙八\"}";
        web.put().uri("/api/grid/nodes/" + ids.get("G2") + "/staff/MEDIATOR")
                .headers(h -> {
                    h.setBearerAuth(districtAdmin);
                    h.set("Idempotency-Key", "mediator-" + ids.get("G2"));
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
        web.put().uri("/api/grid/nodes/" + ids.get("G2") + "/staff/MEDIATOR")
                .headers(h -> {
                    h.setBearerAuth(districtAdmin);
                    h.set("Idempotency-Key", "mediator-" + ids.get("G2"));
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Idempotent-Replayed", "true");
        web.put().uri("/api/grid/nodes/" + ids.get("G2") + "/staff/MEDIATOR")
                .headers(h -> {
                    h.setBearerAuth(districtAdmin);
                    h.set("Idempotency-Key", "mediator-" + ids.get("G2"));
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"personId\":\"" + UUID.randomUUID() + "\",\"name\":\"另一人\"}")
                .exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void unassigning_a_role_ends_its_term() {
        web.delete().uri("/api/grid/nodes/" + ids.get("G2") + "/staff/PATROLLER").headers(h -> h.setBearerAuth(districtAdmin))
                .exchange().expectStatus().isNoContent();

        JsonNode grid = get("/api/grid/nodes/" + ids.get("G2"), districtAdmin);
        assertThat(grid.get("staff")).extracting(holder -> holder.get("role").asString()).doesNotContain("PATROLLER");
        assertThat(grid.at("/counts/staff").asInt()).isEqualTo(7);
    }

    @Test
    void only_an_empty_node_can_be_retired_and_its_code_stays_taken() {
        web.delete().uri("/api/grid/nodes/" + ids.get("G1-1")).headers(h -> h.setBearerAuth(districtAdmin)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        ImportDocument withEmpty = withMicroGrids(document, rows -> {
            rows.add(new MicroGridRow(null, "G1-3", "G1", "三栋 (待入住)"));
            return rows;
        });
        importAndWait(withEmpty, districtAdmin);
        UUID empty = UUID.fromString(get("/api/grid/nodes?kind=MICRO_GRID&name=待入住", districtAdmin)
                .at("/items/0/id").asString());
        web.delete().uri("/api/grid/nodes/" + empty).headers(h -> h.setBearerAuth(staffOf(ids.get("G1")))).exchange()
                .expectStatus().isForbidden();

        JsonNode retired = web.delete().uri("/api/grid/nodes/" + empty).headers(h -> h.setBearerAuth(districtAdmin))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(retired.get("retired").asBoolean()).isTrue();
        assertThat(get("/api/grid/nodes/" + ids.get("G1") + "/tree?depth=1", districtAdmin).get("children"))
                .extracting(child -> child.get("code").asString()).containsExactly("G1-1", "G1-2");
        JsonNode reimport = importAndWait(withEmpty, districtAdmin);
        assertThat(reimport.get("status").asString()).isEqualTo("REJECTED");
        assertThat(reimport.at("/problems/0/reason").asString()).isEqualTo("belongs to a retired micro-grid; give a new code");
    }

    private WebTestClient.ResponseSpec assign(String token, UUID node, String role, String body) {
        return web.put().uri("/api/grid/nodes/" + node + "/staff/" + role)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String tree(String code, int depth) {
        return "/api/grid/nodes/" + ids.get(code) + "/tree?depth=" + depth;
    }

    private void collect(JsonNode node) {
        ids.putIfAbsent(node.get("code").asString(), UUID.fromString(node.get("id").asString()));
        node.get("children").forEach(this::collect);
    }

    private void flatten(JsonNode node, Map<String, JsonNode> nodes) {
        nodes.put(node.get("kind").asString().equals("COMMUNITY") ? "community" : node.get("code").asString(), node);
        node.get("children").forEach(child -> flatten(child, nodes));
    }

    private static List<Integer> counts(JsonNode node) {
        JsonNode counts = node.get("counts");
        return List.of(counts.get("households").asInt(), counts.get("shops").asInt(), counts.get("hubHouseholds").asInt(),
                counts.get("staff").asInt());
    }
}
