package org.gridgov.matching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.matching.it.ProjectListResponses.assignments;
import static org.gridgov.matching.it.ProjectListResponses.body;
import static org.gridgov.matching.it.ProjectListResponses.post;
import static org.gridgov.matching.it.ProjectListResponses.problem;
import static org.gridgov.matching.it.ProjectListResponses.unmatched;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.EventType;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.matching.EventFeed.CommunityTree;
import org.gridgov.matching.EventFeed.Item;
import org.gridgov.matching.MatchingIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A street's project list over the API: the needs and units of all its communities in one optimal list,
 * where a unit in several of them keeps one min/max; versioned per street, published, for street and
 * district admins only.
 */
class StreetProjectListIT extends MatchingIntegrationTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue();

    private final JsonMapper json = JsonMapper.builder().build();
    private CommunityTree east;
    private UUID street;
    private UUID west;
    private UUID westGrid;
    private UUID hospital;
    private UUID school;
    private UUID property;
    private Map<String, UUID> needs;

    @BeforeEach
    void aStreetWithTwoCommunitiesAndAUnitServingBoth() {
        east = feed.community(1, 1);
        street = east.street();
        west = UUID.randomUUID();
        westGrid = UUID.randomUUID();
        node(west, "COMMUNITY", street, east.district(), street);
        node(westGrid, "GRID", west, east.district(), street, west);
        String period = String.valueOf(YEAR);
        // a street hospital in both Grand Party Committees, with room for five needs street-wide
        hospital = UUID.randomUUID();
        feed.publish(EventType.UNIT_JOINED, Map.of("unitId", hospital.toString(), "name", "街道医院", "kind", "AGENCY",
                "communityIds", List.of(east.community().toString(), west.toString()), "occurredAt", Instant.now().toString()));
        feed.resourceList(EventType.RESOURCE_LIST_PUBLISHED, hospital, period, 1, Item.of("HEALTH", "上门问诊", 5, street));
        school = feed.unit(east.community(), "东社区小学", period, Item.of("EDUCATION", "课后辅导", 1, east.community()));
        property = feed.unit(west, "西社区物业", period, Item.of("REPAIRS", "水电维修", 2, westGrid));
        needs = Map.of(
                "east clinic", feed.needPublished(east.community(), east.grid(0), "HEALTH", "URGENT", 10),
                "east checkups", feed.needPublished(east.community(), east.grid(0), "HEALTH", "LOW", 5),
                "east tutoring", feed.needPublished(east.community(), east.grid(0), "EDUCATION", "NORMAL", 30),
                "west clinic", feed.needPublished(west, westGrid, "HEALTH", "URGENT", 10),
                "west checkups", feed.needPublished(west, westGrid, "HEALTH", "LOW", 5),
                "west tutoring", feed.needPublished(west, westGrid, "EDUCATION", "NORMAL", 30),
                "west pipes", feed.needPublished(west, westGrid, "REPAIRS", "NORMAL", 100));
        awaitCount("select count(*) from kit_grid_node where :id = any(path)", street, 5);
        awaitCount("select count(*) from resource_item i join unit u on u.id = i.unit_id where u.id in ("
                + "select id from unit where community_ids && (select array_agg(id) from kit_grid_node "
                + "where kind = 'COMMUNITY' and :id = any(path)))", street, 3);
        awaitCount("select count(*) from need where community_id in (select id from kit_grid_node where :id = any(path))",
                street, 7);
    }

    @Test
    void a_unit_serving_two_communities_gets_its_maximum_once_over_the_street_and_the_list_is_published() {
        try (KafkaTopicReader matching = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "matching.events")) {
            JsonNode list = body(compute(admin("STREET_ADMIN", street), Map.of("streetId", street.toString(), "year", YEAR))
                    .expectStatus().isCreated()
                    .expectHeader().valueMatches("Location", "/api/matching/project-lists/[0-9a-f-]{36}"));

            assertThat(list.get("streetId").asString()).isEqualTo(street.toString());
            assertThat(list.get("communityId").isNull()).isTrue();
            assertThat(list.get("version").asInt()).isEqualTo(1);
            assertThat(list.get("needCount").asInt()).isEqualTo(7);
            assertThat(list.get("unitCount").asInt()).as("the hospital in both communities is one unit").isEqualTo(3);
            // at most two projects for the hospital over the street: the urgent needs of both communities
            assertThat(assignments(list)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    needs.get("east clinic"), hospital, needs.get("west clinic"), hospital,
                    needs.get("east tutoring"), school, needs.get("west pipes"), property));
            assertThat(unmatched(list)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    needs.get("east checkups"), "CAPACITY_TAKEN", needs.get("west checkups"), "CAPACITY_TAKEN",
                    needs.get("west tutoring"), "NO_ELIGIBLE_RESOURCE"));
            assertThat(list.get("unitShortfalls")).isEmpty();

            String id = list.get("id").asString();
            List<ConsumerRecord<String, byte[]>> published = matching.await(record -> id.equals(record.key()), 1,
                    Duration.ofSeconds(30));
            assertThat(KafkaTopicReader.header(published.get(0), "ce_type"))
                    .isEqualTo(EventType.MATCHING_STREET_PROJECT_LIST_COMPUTED.type());
            String data = KafkaTopicReader.value(published.get(0));
            assertThat(EventSchemas.validate(EventType.MATCHING_STREET_PROJECT_LIST_COMPUTED, data)).isEmpty();
            JsonNode event = json.readTree(data);
            assertThat(event.get("streetId").asString()).isEqualTo(street.toString());
            assertThat(event.get("communityIds").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder(east.community().toString(), west.toString());
            assertThat(event.get("assignmentCount").asInt()).isEqualTo(4);
            assertThat(event.get("unmatchedCount").asInt()).isEqualTo(3);
            assertThat(event.get("objective").asLong()).isEqualTo(list.get("objective").get("total").asLong());
            Map<String, String> communityOfAssignedNeed = event.get("assignments").valueStream().collect(Collectors.toMap(
                    a -> a.get("needId").asString(), a -> a.get("communityId").asString()));
            assertThat(communityOfAssignedNeed).containsEntry(needs.get("west pipes").toString(), west.toString())
                    .containsEntry(needs.get("east tutoring").toString(), east.community().toString());
        }
    }

    @Test
    void each_community_list_alone_would_give_the_shared_unit_its_maximum_again() {
        JsonNode eastList = body(compute(admin("STREET_ADMIN", street),
                Map.of("communityId", east.community().toString(), "year", YEAR)).expectStatus().isCreated());

        assertThat(eastList.get("communityId").asString()).isEqualTo(east.community().toString());
        assertThat(eastList.get("streetId").isNull()).isTrue();
        assertThat(assignments(eastList)).containsEntry(needs.get("east clinic"), hospital)
                .containsEntry(needs.get("east checkups"), hospital);
    }

    @Test
    void a_rerun_makes_a_new_version_of_the_street_list_and_keeps_the_old_one() {
        String streetAdmin = admin("STREET_ADMIN", street);
        Map<String, Object> request = Map.of("streetId", street.toString(), "year", YEAR);
        JsonNode first = body(compute(streetAdmin, request).expectStatus().isCreated());
        body(compute(streetAdmin, Map.of("communityId", west.toString(), "year", YEAR)).expectStatus().isCreated());

        JsonNode second = body(compute(admin("DISTRICT_ADMIN", east.district()), request).expectStatus().isCreated());

        assertThat(second.get("version").asInt()).as("versions count per street, apart from its communities' lists")
                .isEqualTo(2);
        web.get().uri("/api/matching/project-lists/" + first.get("id").asString()).headers(h -> h.setBearerAuth(streetAdmin))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.streetId").isEqualTo(street.toString())
                .jsonPath("$.assignments.length()").isEqualTo(4);
        web.get().uri("/api/matching/project-lists?street=" + street + "&year=" + YEAR)
                .headers(h -> h.setBearerAuth(streetAdmin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[0].version").isEqualTo(2)
                .jsonPath("$[1].version").isEqualTo(1).jsonPath("$[1].assignmentCount").isEqualTo(4)
                .jsonPath("$[1].unmatchedCount").isEqualTo(3);
        web.get().uri("/api/matching/project-lists?community=" + west + "&year=" + YEAR)
                .headers(h -> h.setBearerAuth(streetAdmin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].version").isEqualTo(1);
    }

    @Test
    void only_admins_of_the_street_and_the_district_make_or_read_the_street_list() {
        UUID otherStreet = feed.community(1, 1).street();
        awaitCount("select count(*) from kit_grid_node where id = :id", otherStreet, 1);
        Map<String, Object> request = Map.of("streetId", street.toString(), "year", YEAR);
        String id = body(compute(admin("DISTRICT_ADMIN", east.district()), request).expectStatus().isCreated())
                .get("id").asString();

        problem(compute(admin("COMMUNITY_ADMIN", east.community()), request), HttpStatus.FORBIDDEN, "forbidden");
        problem(compute(admin("STREET_ADMIN", otherStreet), request), HttpStatus.FORBIDDEN, "forbidden");
        problem(compute(staffOf(east.grid(0)), request), HttpStatus.FORBIDDEN, "forbidden");
        problem(read(id, admin("COMMUNITY_ADMIN", east.community())), HttpStatus.NOT_FOUND, "not-found");
        problem(read(id, admin("STREET_ADMIN", otherStreet)), HttpStatus.NOT_FOUND, "not-found");
        problem(web.get().uri("/api/matching/project-lists?street=" + street + "&year=" + YEAR)
                .headers(h -> h.setBearerAuth(admin("COMMUNITY_ADMIN", west))).exchange(), HttpStatus.FORBIDDEN, "forbidden");
        read(id, admin("STREET_ADMIN", street)).expectStatus().isOk();
        assertThat(db.sql("select count(*) as n from project_list where street_id = :s").bind("s", street)
                .map(row -> row.get("n", Long.class)).one().block()).as("refusals compute nothing").isEqualTo(1);
    }

    @Test
    void bad_input_for_a_street_is_a_400_or_404_problem() {
        String admin = admin("DISTRICT_ADMIN", east.district());
        problem(post(web, admin, "{\"streetId\":\"" + street + "\",\"communityId\":\"" + west + "\",\"year\":" + YEAR + "}"),
                HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"streetId\":\"" + west + "\",\"year\":" + YEAR + "}"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"streetId\":\"" + street + "\",\"year\":2101}"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"streetId\":\"not-a-uuid\",\"year\":" + YEAR + "}"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"streetId\":\"" + UUID.randomUUID() + "\",\"year\":" + YEAR + "}"), HttpStatus.NOT_FOUND,
                "not-found");
        for (String query : List.of("street=not-a-uuid&year=" + YEAR, "street=" + street,
                "street=" + street + "&community=" + west + "&year=" + YEAR)) {
            problem(web.get().uri("/api/matching/project-lists?" + query).headers(h -> h.setBearerAuth(admin)).exchange(),
                    HttpStatus.BAD_REQUEST, "invalid-request");
        }
    }

    @Test
    void the_openapi_description_offers_the_street_beside_the_community() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.schemas.ComputeRequest.properties.streetId.format").isEqualTo("uuid")
                .jsonPath("$.components.schemas.ComputeRequest.properties.communityId.format").isEqualTo("uuid")
                .jsonPath("$.components.schemas.ComputeRequest.description").value(description ->
                        assertThat(String.valueOf(description)).contains("streetId").contains("never both"));
    }

    private void node(UUID id, String kind, UUID parent, UUID... path) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodeId", id.toString());
        data.put("kind", kind);
        data.put("name", kind.toLowerCase() + "-west");
        data.put("parentId", parent.toString());
        data.put("path", List.of(path).stream().map(UUID::toString).toList());
        if (kind.equals("GRID")) {
            data.put("gridKind", "RESIDENTIAL");
        }
        data.put("occurredAt", Instant.now().toString());
        feed.publish(EventType.GRID_NODE_CREATED, data);
    }

    private ResponseSpec compute(String token, Map<String, Object> request) {
        return web.post().uri("/api/matching/project-lists").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }

    private ResponseSpec read(String id, String token) {
        return web.get().uri("/api/matching/project-lists/" + id).headers(h -> h.setBearerAuth(token)).exchange();
    }
}
