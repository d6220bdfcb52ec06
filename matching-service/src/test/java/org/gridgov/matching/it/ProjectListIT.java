package org.gridgov.matching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.matching.it.ProjectListResponses.assignments;
import static org.gridgov.matching.it.ProjectListResponses.body;
import static org.gridgov.matching.it.ProjectListResponses.post;
import static org.gridgov.matching.it.ProjectListResponses.problem;
import static org.gridgov.matching.it.ProjectListResponses.unmatched;

import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** The yearly project list over the API: optimal, versioned, published, guarded by role and jurisdiction. */
class ProjectListIT extends MatchingIntegrationTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue();

    private final JsonMapper json = JsonMapper.builder().build();
    private CommunityTree tree;
    private UUID school;
    private UUID hospital;
    private UUID property;
    private UUID idle;
    private Map<String, UUID> needs;

    @BeforeEach
    void aCommunityWithUnitsAndNeeds() {
        tree = feed.community(2, 1);
        String period = String.valueOf(YEAR);
        school = feed.unit(tree.community(), "实验小学", period, Item.of("EDUCATION", "课后辅导", 2, tree.grid(0)));
        hospital = feed.unit(tree.community(), "社区医院", period, Item.of("HEALTH", "健康义诊", 1, tree.community()));
        property = feed.unit(tree.community(), "物业公司", period, Item.of("REPAIRS", "水电维修", 3, tree.grid(1)));
        idle = feed.unit(tree.community(), "未报资源单位", period);
        needs = Map.of(
                "tutoring", feed.needPublished(tree.community(), tree.grid(0), "EDUCATION", "NORMAL", 30),
                "reading room", feed.needPublished(tree.community(), tree.grid(1), "EDUCATION", "HIGH", 50),
                "clinic", feed.needPublished(tree.community(), tree.grid(0), "HEALTH", "URGENT", 10),
                "checkups", feed.needPublished(tree.community(), tree.grid(1), "HEALTH", "LOW", 5),
                "pipes", feed.needPublished(tree.community(), tree.grid(1), "REPAIRS", "NORMAL", 100),
                "food bank", feed.needPublished(tree.community(), tree.grid(0), "DONATION", "NORMAL", 10));
        feed.needRecorded(tree.community(), tree.grid(0), "REPAIRS", "URGENT", 80);
        awaitCommunity(tree, 4, 0);
        awaitCount("select count(*) from need where community_id = :id", tree.community(), 7);
    }

    @Test
    void the_project_list_is_optimal_explains_what_is_left_and_is_published() {
        try (KafkaTopicReader matching = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "matching.events")) {
            JsonNode list = compute(admin("COMMUNITY_ADMIN", tree.community()), "first")
                    .expectStatus().isCreated()
                    .expectHeader().valueMatches("Location", "/api/matching/project-lists/[0-9a-f-]{36}")
                    .expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(list.get("version").asInt()).isEqualTo(1);
            assertThat(list.get("needCount").asInt()).as("recorded but unpublished needs wait").isEqualTo(6);
            assertThat(assignments(list)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    needs.get("tutoring"), school, needs.get("reading room"), school,
                    needs.get("clinic"), hospital, needs.get("pipes"), property));
            assertThat(unmatched(list)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    needs.get("checkups"), "CAPACITY_TAKEN", needs.get("food bank"), "NO_ELIGIBLE_RESOURCE"));
            JsonNode shortfall = list.get("unitShortfalls").get(0);
            assertThat(list.get("unitShortfalls")).hasSize(1);
            assertThat(shortfall.get("unitId").asString()).isEqualTo(idle.toString());
            assertThat(shortfall.get("reason").asString()).isEqualTo("NO_CAPACITY");
            // 100 + 450 + 600 + 100 for the projects, 1,050 + 2,100 for the needs left, 16,051 for the missing project
            JsonNode objective = list.get("objective");
            assertThat(objective.get("assignmentCost").asLong()).isEqualTo(1_250);
            assertThat(objective.get("unmatchedPenalty").asLong()).isEqualTo(3_150);
            assertThat(objective.get("shortfallPenalty").asLong()).isEqualTo(16_051);
            assertThat(objective.get("total").asLong()).isEqualTo(20_451);

            String id = list.get("id").asString();
            List<ConsumerRecord<String, byte[]>> published = matching.await(record -> id.equals(record.key()), 1,
                    Duration.ofSeconds(30));
            assertThat(KafkaTopicReader.header(published.get(0), "ce_type"))
                    .isEqualTo(EventType.MATCHING_PROJECT_LIST_COMPUTED.type());
            JsonNode event = json.readTree(KafkaTopicReader.value(published.get(0)));
            assertThat(event.get("communityId").asString()).isEqualTo(tree.community().toString());
            assertThat(event.get("objective").asLong()).isEqualTo(20_451);
            assertThat(event.get("assignmentCount").asInt()).isEqualTo(4);
            assertThat(event.get("unmatchedCount").asInt()).isEqualTo(2);
            assertThat(event.get("assignments")).hasSize(4);
            assertThat(event.get("unitShortfalls").get(0).get("unitId").asString()).isEqualTo(idle.toString());
        }
    }

    @Test
    void a_rerun_makes_a_new_version_and_keeps_the_old_one_while_a_retried_request_changes_nothing() {
        String communityAdmin = admin("COMMUNITY_ADMIN", tree.community());
        JsonNode first = body(compute(communityAdmin, "once").expectStatus().isCreated());
        compute(communityAdmin, "once").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(first.get("id").asString());

        JsonNode second = body(compute(communityAdmin, "again").expectStatus().isCreated());

        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        String streetAdmin = admin("STREET_ADMIN", tree.street());
        web.get().uri("/api/matching/project-lists/" + first.get("id").asString()).headers(h -> h.setBearerAuth(streetAdmin))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.assignments.length()").isEqualTo(4);
        web.get().uri("/api/matching/project-lists?community=" + tree.community() + "&year=" + YEAR)
                .headers(h -> h.setBearerAuth(communityAdmin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[0].version").isEqualTo(2)
                .jsonPath("$[1].version").isEqualTo(1).jsonPath("$[1].assignmentCount").isEqualTo(4);
    }

    @Test
    void only_admins_of_the_community_and_above_make_or_read_its_project_list() {
        UUID elsewhere = feed.community(1, 1).community();
        awaitCount("select count(*) from kit_grid_node where id = :id", elsewhere, 1);
        String id = body(compute(admin("DISTRICT_ADMIN", tree.district()), null).expectStatus().isCreated())
                .get("id").asString();

        problem(compute(admin("COMMUNITY_ADMIN", elsewhere), null), HttpStatus.FORBIDDEN, "forbidden");
        problem(compute(staffOf(tree.grid(0)), null), HttpStatus.FORBIDDEN, "forbidden");
        problem(web.get().uri("/api/matching/project-lists/" + id)
                .headers(h -> h.setBearerAuth(admin("COMMUNITY_ADMIN", elsewhere))).exchange(), HttpStatus.NOT_FOUND, "not-found");
        problem(web.get().uri("/api/matching/project-lists/" + id)
                .headers(h -> h.setBearerAuth(token("UNIT"))).exchange(), HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void bad_input_is_a_400_or_404_problem() {
        String admin = admin("DISTRICT_ADMIN", tree.district());
        problem(post(web, admin, "{\"communityId\":\"" + tree.community() + "\",\"year\":1999}"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"year\":" + YEAR + "}"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"communityId\":\"" + tree.community() + "\",\"year\":" + YEAR
                + ",\"minProjectsPerUnit\":3,\"maxProjectsPerUnit\":2}"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"communityId\":\"not-a-uuid\",\"year\":" + YEAR + "}"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"communityId\":"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"communityId\":\"" + tree.grid(0) + "\",\"year\":" + YEAR + "}"), HttpStatus.BAD_REQUEST, "invalid-request");
        problem(post(web, admin, "{\"communityId\":\"" + UUID.randomUUID() + "\",\"year\":" + YEAR + "}"), HttpStatus.NOT_FOUND, "not-found");
        problem(web.get().uri("/api/matching/project-lists/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(admin))
                .exchange(), HttpStatus.NOT_FOUND, "not-found");
        for (String query : List.of("community=not-a-uuid&year=" + YEAR, "community=" + tree.community(),
                "community=" + tree.community() + "&year=next", "year=" + YEAR)) {
            problem(web.get().uri("/api/matching/project-lists?" + query).headers(h -> h.setBearerAuth(admin)).exchange(),
                    HttpStatus.BAD_REQUEST, "invalid-request");
        }
        problem(web.get().uri("/api/matching/project-lists?community=" + UUID.randomUUID() + "&year=" + YEAR)
                .headers(h -> h.setBearerAuth(admin)).exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void a_bad_body_names_each_offending_field_and_what_it_expects() {
        String admin = admin("DISTRICT_ADMIN", tree.district());
        post(web, admin, "{\"communityId\":\"" + tree.community() + "\",\"year\":\"next\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("year")
                .jsonPath("$.errors[0].message").isEqualTo("expected a whole number");
        post(web, admin, "{\"communityId\":\"东区\",\"year\":" + YEAR + "}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("expected a UUID"));
        post(web, admin, "{\"communityId\":\"" + tree.community() + "\",\"year\":1999,\"maxProjectsPerUnit\":99}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'year')]").exists()
                .jsonPath("$.errors[?(@.field == 'maxProjectsPerUnit')]").exists();
    }

    private ResponseSpec compute(String token, String idempotencyKey) {
        return web.post().uri("/api/matching/project-lists").headers(h -> {
                    h.setBearerAuth(token);
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("communityId", tree.community().toString(), "year", YEAR))
                .exchange();
    }
}
