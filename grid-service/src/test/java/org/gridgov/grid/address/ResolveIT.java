package org.gridgov.grid.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.grid.importing.domain.CommunityDocuments.community;
import static org.gridgov.grid.importing.domain.CommunityDocuments.road;
import static org.gridgov.grid.importing.domain.CommunityDocuments.uniqueName;

import java.util.List;
import java.util.UUID;

import org.gridgov.grid.GridServiceTestBase;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.infra.TokenRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Resolving addresses of an imported community (see CommunityDocuments) as users write them. */
class ResolveIT extends GridServiceTestBase {

    private final UUID districtId = UUID.randomUUID();
    private final String districtAdmin = admin("DISTRICT_ADMIN", districtId);
    private final ImportDocument document = community(new Area(districtId.toString(), uniqueName("区")),
            new Area(null, uniqueName("街道")), new Area(null, uniqueName("社区")));
    private final String road = road(document);
    private final String app = token(TokenRequest.of("hotline-app", "CLIENT").withScope("wishes:write grid:resolve"));
    private JsonNode tree;

    @BeforeEach
    void importCommunity() {
        JsonNode report = importAndWait(document, districtAdmin);
        tree = get("/api/grid/nodes/" + report.get("communityId").asString() + "/tree?depth=2", districtAdmin);
    }

    @Test
    void every_usual_way_of_writing_a_registered_address_resolves_to_its_micro_grid_grid_and_community() {
        String district = document.district().name();
        String street = document.street().name();
        String community = document.community().name();
        List<String> variants = List.of(
                road + "1号1栋2单元102室",
                toFullWidth(road + "1号1栋2单元102室"),
                road + "1号1幢2单元102室",
                road + "1号1座2单元102室",
                road + "1号1号楼2单元102室",
                road + "1号1栋2单元102",
                road + "1号1栋2单元102号",
                road + "1号1栋2单元102房",
                road + " 1号 1栋 2单元 102室",
                road + "\u30001号\u30001栋\u30002单元\u3000102室",
                road + "1号1-2-102",
                road + "1号一栋二单元一零二室",
                road + "1号01栋02单元0102室",
                road + "1号1栋第2单元102室",
                "重庆市" + district + street + community + road + "1号1栋2单元102室",
                "重庆市" + district + road + "1号1栋2单元102室",
                district + " " + road + "１号１幢２单元１０２",
                street + road + "1号1栋2单元102室");

        for (String written : variants) {
            JsonNode resolved = resolve(written, app).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                    .getResponseBody();
            assertThat(resolved.get("match").asString()).as(written).isEqualTo("EXACT");
            assertThat(resolved.at("/microGrid/id").asString()).as(written).isEqualTo(id("G1-1"));
            assertThat(resolved.at("/grid/id").asString()).as(written).isEqualTo(id("G1"));
            assertThat(resolved.at("/community/id").asString()).as(written).isEqualTo(tree.get("id").asString());
            assertThat(resolved.at("/district/id").asString()).as(written).isEqualTo(districtId.toString());
            assertThat(resolved.get("address").asString()).isEqualTo(road + "1号1栋2单元102室");
        }
    }

    @Test
    void a_shop_resolves_to_its_commercial_grid() {
        JsonNode resolved = resolve(road + "２２号", app).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();

        assertThat(resolved.at("/microGrid/id").asString()).isEqualTo(id("G2-1"));
        assertThat(resolved.at("/grid/gridKind").asString()).isEqualTo("COMMERCIAL");
    }

    @Test
    void an_unregistered_room_or_building_resolves_as_far_down_as_is_certain() {
        JsonNode room = resolve(road + "1号2栋1单元999室", app).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(room.get("match").asString()).isEqualTo("NEARBY");
        assertThat(room.at("/microGrid/id").asString()).as("the micro-grid of building 2").isEqualTo(id("G1-2"));

        JsonNode building = resolve(road + "1号1栋", app).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(building.at("/microGrid/id").asString()).isEqualTo(id("G1-1"));

        JsonNode door = resolve(road + "1号", app).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(door.get("microGrid")).as("door 1 holds buildings of two micro-grids").isNull();
        assertThat(door.at("/grid/id").asString()).isEqualTo(id("G1"));
        assertThat(door.at("/community/id").asString()).isEqualTo(tree.get("id").asString());
    }

    @Test
    void an_address_nobody_registered_is_a_404_problem() {
        for (String unknown : List.of(road + "999号", uniqueName("路") + "1号1栋2单元102室", "没有门牌的地方")) {
            resolve(unknown, app).expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/not-found")
                    .jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail)).doesNotContain(road));
        }
        for (String bad : List.of("", "  ", "路".repeat(201), road + "1号1栋\u00002单元102室")) {
            resolve(bad, app).expectStatus().isBadRequest();
        }
        web.get().uri("/api/grid/resolve").headers(h -> h.setBearerAuth(app)).exchange().expectStatus().isBadRequest();
    }

    @Test
    void staff_admins_and_apps_with_the_resolve_scope_may_resolve_and_nobody_else() {
        String address = road + "1号1栋2单元102室";
        for (String allowed : List.of(staffOf(UUID.randomUUID()), admin("COMMUNITY_ADMIN", UUID.randomUUID()), app)) {
            resolve(address, allowed).expectStatus().isOk();
        }
        for (String refused : List.of(token("RESIDENT"), token("PARTY_MEMBER"), token("UNIT"),
                token(TokenRequest.of("other-app", "CLIENT").withScope("wishes:read")))) {
            resolve(address, refused).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private WebTestClient.ResponseSpec resolve(String address, String token) {
        return web.get().uri(uri -> uri.path("/api/grid/resolve").queryParam("address", "{address}").build(address))
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    private String id(String code) {
        for (JsonNode grid : tree.get("children")) {
            if (grid.get("code").asString().equals(code)) {
                return grid.get("id").asString();
            }
            for (JsonNode microGrid : grid.get("children")) {
                if (microGrid.get("code").asString().equals(code)) {
                    return microGrid.get("id").asString();
                }
            }
        }
        throw new AssertionError("no node " + code);
    }

    private static String toFullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
        return wide.toString();
    }
}
