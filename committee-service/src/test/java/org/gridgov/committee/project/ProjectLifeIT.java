package org.gridgov.committee.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.committee.CommitteeIntegrationTest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A project's life through the API, on real PostgreSQL and Kafka: published, claimed, signed, delivered, reviewed. */
class ProjectLifeIT extends CommitteeIntegrationTest {

    @Test
    void publishing_a_list_offers_its_assignments_and_opens_its_unmatched_needs_and_publishing_it_again_changes_nothing() {
        Committee committee = committee(2, 3);
        UUID list = computedList(committee, 1, Map.of(committee.needs().get(0), committee.units().get(0),
                committee.needs().get(1), committee.units().get(1)), List.of(committee.needs().get(2)));
        String admin = admin("COMMUNITY_ADMIN", committee.community());

        JsonNode first = body(post("/api/projects/publications", admin, Map.of("projectListId", list)).expectStatus().isCreated());
        assertThat(first.path("offered").asInt()).isEqualTo(2);
        assertThat(first.path("opened").asInt()).isEqualTo(1);
        post("/api/projects/publications", admin, Map.of("projectListId", list)).expectStatus().isOk()
                .expectBody().jsonPath("$.offered").isEqualTo(2).jsonPath("$.version").isEqualTo(1);

        JsonNode projects = get("/api/projects?community=" + committee.community() + "&year=" + YEAR, admin);
        assertThat(projects).hasSize(3);
        assertThat(projects.findValuesAsString("status")).containsExactlyInAnyOrder("OFFERED", "OFFERED", "OPEN");
        assertThat(projects.findValuesAsString("title")).containsExactlyInAnyOrder("需求0", "需求1", "需求2");
        JsonNode opportunities = get("/api/projects/opportunities?community=" + committee.community() + "&year=" + YEAR,
                unitToken(committee.units().get(0)));
        assertThat(opportunities).hasSize(1);
        assertThat(opportunities.get(0).path("needIds").get(0).asString()).isEqualTo(committee.needs().get(2).toString());

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<ConsumerRecord<String, byte[]>> published = events.settle(record ->
                    "org.gridgov.project.published.v1".equals(KafkaTopicReader.header(record, "ce_type"))
                            && KafkaTopicReader.value(record).contains(list.toString()), Duration.ofSeconds(3));
            assertThat(published).as("one event per project, none for the repeat").hasSize(3);
        }
    }

    @Test
    void of_units_racing_for_one_open_project_exactly_one_wins_and_the_others_get_409() throws Exception {
        Committee committee = committee(4, 1);
        UUID project = handMade(committee, "楼道照明改造");

        List<Integer> statuses = race(committee.units().stream()
                .map(unit -> (Callable<Integer>) () -> post("/api/projects/" + project + "/claim", unitToken(unit), null)
                        .returnResult(String.class).getStatus().value())
                .toList());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        JsonNode claimed = get("/api/projects/" + project, admin("COMMUNITY_ADMIN", committee.community()));
        assertThat(claimed.path("status").asString()).isEqualTo("CLAIMED");
        assertThat(committee.units()).contains(UUID.fromString(claimed.path("unitId").asString()));
    }

    @Test
    void a_unit_holds_at_most_its_quota_of_projects_a_year_until_an_admin_raises_it() {
        Committee committee = committee(1, 0);
        UUID unit = committee.units().get(0);
        List<UUID> projects = List.of(handMade(committee, "一"), handMade(committee, "二"), handMade(committee, "三"));

        post("/api/projects/" + projects.get(0) + "/claim", unitToken(unit), null).expectStatus().isOk();
        post("/api/projects/" + projects.get(1) + "/claim", unitToken(unit), null).expectStatus().isOk();
        post("/api/projects/" + projects.get(2) + "/claim", unitToken(unit), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail)).contains("quota of 2"));

        post("/api/projects/quotas", admin("STREET_ADMIN", committee.place().street()), Map.of("communityId",
                committee.community(), "unitId", unit, "year", YEAR, "quota", 3)).expectStatus().isOk();
        post("/api/projects/" + projects.get(2) + "/claim", unitToken(unit), null).expectStatus().isOk();
    }

    @Test
    void a_declined_offer_goes_to_the_opportunity_list_where_another_unit_claims_signs_delivers_and_is_reviewed() {
        Committee committee = committee(2, 1);
        UUID offeredUnit = committee.units().get(0);
        UUID otherUnit = committee.units().get(1);
        UUID list = computedList(committee, 1, Map.of(committee.needs().get(0), offeredUnit), List.of());
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        post("/api/projects/publications", admin, Map.of("projectListId", list)).expectStatus().isCreated();
        UUID project = UUID.fromString(get("/api/projects?community=" + committee.community() + "&year=" + YEAR, admin)
                .get(0).path("id").asString());

        post("/api/projects/" + project + "/decline", unitToken(otherUnit), Map.of("reason", "不是我们的"))
                .expectStatus().isForbidden();
        post("/api/projects/" + project + "/decline", unitToken(offeredUnit), Map.of("reason", "本年度人手不足"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPEN");
        post("/api/projects/" + project + "/claim", unitToken(otherUnit), null).expectStatus().isOk();

        Map<String, Object> agreement = Map.of("signatory", "王建国", "commitments", "每月两次上门助老",
                "milestones", List.of(Map.of("title", "组建志愿队", "dueDate", YEAR + "-04-30"),
                        Map.of("title", "全年服务", "dueDate", YEAR + "-12-31")));
        JsonNode signed = body(post("/api/projects/" + project + "/agreement", unitToken(otherUnit), agreement, "sign-1")
                .expectStatus().isCreated());
        assertThat(signed.path("number").asString()).isEqualTo(YEAR + "-001");
        post("/api/projects/" + project + "/agreement", unitToken(otherUnit), agreement, "sign-1").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.number").isEqualTo(YEAR + "-001");
        post("/api/projects/" + project + "/agreement", unitToken(otherUnit), agreement).expectStatus().isEqualTo(409);

        JsonNode asAdmin = get("/api/projects/" + project + "/agreement", admin);
        assertThat(asAdmin.path("signatory").asString()).isEqualTo("王建国");
        JsonNode asResident = get("/api/projects/" + project + "/agreement", resident(committee.place().grid()));
        assertThat(asResident.path("signatory").asString()).isEqualTo("王**");
        assertThat(asResident.path("signatoryMasked").asBoolean()).isTrue();

        post("/api/projects/" + project + "/progress", unitToken(otherUnit),
                Map.of("milestone", "组建志愿队", "note", "志愿队12人", "percent", 30)).expectStatus().isOk()
                .expectBody().jsonPath("$.percent").isEqualTo(30);
        expectFieldError(post("/api/projects/" + project + "/progress", unitToken(otherUnit),
                Map.of("note", "倒退", "percent", 10)), "percent");
        expectFieldError(post("/api/projects/" + project + "/progress", unitToken(otherUnit),
                Map.of("milestone", "没有这个", "note", "x", "percent", 40)), "milestone");

        post("/api/projects/" + project + "/reviews", admin, Map.of("quarter", YEAR + "Q2", "grade", "GOOD"))
                .expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("SIGNED");
        post("/api/projects/" + project + "/reviews", admin, Map.of("quarter", YEAR + "Q2", "grade", "FAIR"))
                .expectStatus().isEqualTo(409);
        post("/api/projects/" + project + "/completion", unitToken(otherUnit), null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        post("/api/projects/" + project + "/reviews", admin, Map.of("quarter", YEAR + "Q4", "grade", "EXCELLENT"))
                .expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("REVIEWED_FINAL");

        JsonNode reviews = get("/api/projects/" + project + "/reviews", resident(committee.place().grid()));
        assertThat(reviews.findValuesAsString("grade")).containsExactly("GOOD", "EXCELLENT");
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<String> types = events.settle(record -> project.toString().equals(record.key()), Duration.ofSeconds(3))
                    .stream().map(record -> KafkaTopicReader.header(record, "ce_type")).toList();
            assertThat(types).containsExactly("org.gridgov.project.published.v1", "org.gridgov.project.declined.v1",
                    "org.gridgov.project.claimed.v1", "org.gridgov.project.signed.v1",
                    "org.gridgov.project.progressed.v1", "org.gridgov.project.reviewed.v1",
                    "org.gridgov.project.completed.v1", "org.gridgov.project.reviewed.v1");
            String signedEvent = events.settle(record -> project.toString().equals(record.key()), Duration.ZERO).stream()
                    .filter(record -> KafkaTopicReader.header(record, "ce_type").endsWith("signed.v1"))
                    .map(KafkaTopicReader::value).findFirst().orElseThrow();
            assertThat(signedEvent).as("personal data stays out of events").doesNotContain("王建国");
        }
    }

    @Test
    void a_newer_list_version_supersedes_the_unsigned_projects_of_the_older_and_leaves_the_signed_ones() {
        Committee committee = committee(2, 2);
        UUID unitA = committee.units().get(0);
        UUID unitB = committee.units().get(1);
        UUID needSigned = committee.needs().get(0);
        UUID needUnsigned = committee.needs().get(1);
        String admin = admin("DISTRICT_ADMIN", committee.place().district());
        UUID v1 = computedList(committee, 1, Map.of(needSigned, unitA, needUnsigned, unitB), List.of());
        post("/api/projects/publications", admin, Map.of("projectListId", v1)).expectStatus().isCreated();
        UUID signedProject = projectOf(committee, needSigned, "OFFERED");
        post("/api/projects/" + signedProject + "/agreement", unitToken(unitA), Map.of("signatory", "李四",
                "commitments", "做好", "milestones", List.of(Map.of("title", "完成", "dueDate", YEAR + "-09-30"))))
                .expectStatus().isCreated();

        UUID v2 = computedList(committee, 2, Map.of(needSigned, unitB, needUnsigned, unitA), List.of());
        post("/api/projects/publications", admin, Map.of("projectListId", v2)).expectStatus().isCreated()
                .expectBody().jsonPath("$.superseded").isEqualTo(1).jsonPath("$.offered").isEqualTo(1);
        post("/api/projects/publications", admin, Map.of("projectListId", v1)).expectStatus().isOk();

        JsonNode projects = get("/api/projects?community=" + committee.community() + "&year=" + YEAR, admin);
        assertThat(projects.findValuesAsString("status")).containsExactlyInAnyOrder("SIGNED", "SUPERSEDED", "OFFERED");
        JsonNode offered = get("/api/projects?community=" + committee.community() + "&year=" + YEAR + "&status=OFFERED", admin);
        assertThat(offered.get(0).path("unitId").asString()).isEqualTo(unitA.toString());
        assertThat(offered.get(0).path("needIds").get(0).asString()).isEqualTo(needUnsigned.toString());
    }

    @Test
    void who_may_do_what_wrong_roles_get_403_and_other_communities_404() {
        Committee committee = committee(1, 0);
        Committee elsewhere = committee(1, 0);
        UUID project = handMade(committee, "文化活动");

        post("/api/projects", unitToken(committee.units().get(0)), Map.of("communityId", committee.community(), "year", YEAR,
                "title", "x", "category", "CULTURE")).expectStatus().isForbidden();
        post("/api/projects", admin("COMMUNITY_ADMIN", elsewhere.community()), Map.of("communityId", committee.community(),
                "year", YEAR, "title", "x", "category", "CULTURE")).expectStatus().isForbidden();
        post("/api/projects/" + project + "/claim", resident(committee.place().grid()), null).expectStatus().isForbidden();
        post("/api/projects/" + project + "/claim", unitToken(elsewhere.units().get(0)), null).expectStatus().isNotFound();
        web.get().uri("/api/projects/" + project).headers(h -> h.setBearerAuth(resident(elsewhere.place().grid())))
                .exchange().expectStatus().isNotFound();
        post("/api/projects/" + project + "/reviews", unitToken(committee.units().get(0)),
                Map.of("quarter", YEAR + "Q1", "grade", "GOOD")).expectStatus().isForbidden();
    }

    @Test
    void bad_input_is_a_400_problem_naming_the_field() {
        Committee committee = committee(1, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        expectFieldError(post("/api/projects", admin, Map.of("communityId", committee.community(), "year", YEAR,
                "category", "CULTURE")), "title");
        expectFieldError(post("/api/projects", admin, Map.of("communityId", committee.community(), "year", YEAR,
                "title", "x", "category", "NOT_A_CATEGORY")), null);
        UUID project = handMade(committee, "x");
        expectFieldError(post("/api/projects/" + project + "/reviews", admin, Map.of("quarter", "2026-3", "grade", "GOOD")),
                "quarter");
        expectFieldError(post("/api/projects/publications", admin, Map.of()), "projectListId");
        post("/api/projects/publications", admin, Map.of("projectListId", UUID.randomUUID())).expectStatus().isNotFound();
    }

    private UUID projectOf(Committee committee, UUID need, String status) {
        JsonNode projects = get("/api/projects?community=" + committee.community() + "&year=" + YEAR + "&status=" + status,
                admin("COMMUNITY_ADMIN", committee.community()));
        for (JsonNode project : projects) {
            if (project.path("needIds").get(0).asString().equals(need.toString())) {
                return UUID.fromString(project.path("id").asString());
            }
        }
        throw new AssertionError("no " + status + " project for need " + need);
    }

    private static List<Integer> race(List<Callable<Integer>> contenders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(contenders.size());
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(contenders)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void expectFieldError(WebTestClient.ResponseSpec response, String field) {
        JsonNode problem = body(response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
        }
    }
}
