package org.gridgov.fieldwork.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.gridgov.fieldwork.FieldworkIntegrationTest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A visit's finding made a case in one command, on real PostgreSQL and Kafka: the case reported in the household's
 * micro-grid with its own event, naming the visit and finding; the visit naming the case; once (409 naming the case,
 * also when two arrive at once); 404 to outsiders; 400s naming the field.
 */
class FindingCaseIT extends FieldworkIntegrationTest {

    @Test
    void a_finding_becomes_one_case_linked_both_ways_and_reported_as_any_case() {
        Place place = place();
        Place elsewhere = place();
        UUID household = household(place.microGrid());
        String staff = as("GRID_STAFF", place.grid());
        String admin = as("COMMUNITY_ADMIN", place.community());
        UUID visit = UUID.fromString(body(post("/api/visits", staff, Map.of("householdId", household, "kind", "ROUTINE",
                "note", "走访了解用水情况", "findings", List.of("独居老人家中水管漏水", "楼道灯不亮"))).expectStatus().isCreated())
                .path("id").asString());
        String path = "/api/visits/" + visit + "/findings/1/case";

        assertThat(fieldOf(post(path, staff, Map.of("severity", "ROUTINE")).expectStatus().isBadRequest()))
                .isEqualTo("category");
        assertThat(fieldOf(post(path, staff, Map.of("category", "REPAIRS")).expectStatus().isBadRequest()))
                .isEqualTo("severity");
        assertThat(fieldOf(post(path, staff, Map.of("category", "REPAIRS", "severity", "ROUTINE", "householdsAffected", -1))
                .expectStatus().isBadRequest())).isEqualTo("householdsAffected");
        post("/api/visits/" + visit + "/findings/2/case", staff, Map.of("category", "REPAIRS", "severity", "ROUTINE"))
                .expectStatus().isNotFound();
        post("/api/visits/" + UUID.randomUUID() + "/findings/0/case", staff, Map.of("category", "REPAIRS",
                "severity", "ROUTINE")).expectStatus().isNotFound();
        post(path, as("GRID_STAFF", elsewhere.grid()), Map.of("category", "REPAIRS", "severity", "ROUTINE"))
                .expectStatus().isNotFound();
        assertThat(get("/api/visits/" + visit, staff).path("cases").isEmpty()).as("nothing made of a refused command").isTrue();

        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("category", "REPAIRS", "severity", "URGENT", "householdsAffected", 12);
        JsonNode made = body(post(path, staff, request, key).expectStatus().isCreated());
        UUID caseId = UUID.fromString(made.path("id").asString());
        assertThat(made.path("status").asString()).isEqualTo("REPORTED");
        assertThat(made.path("description").asString()).as("the finding, as the staff wrote it").isEqualTo("楼道灯不亮");
        assertThat(made.path("microGridId").asString()).isEqualTo(place.microGrid().toString());
        assertThat(made.path("source").asString()).isEqualTo("STAFF");
        assertThat(made.path("householdsAffected").asInt()).isEqualTo(12);
        post(path, staff, request, key).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        JsonNode again = body(post(path, admin, Map.of("category", "REPAIRS", "severity", "ROUTINE"))
                .expectStatus().isEqualTo(409));
        assertThat(again.path("reason").asString()).isEqualTo("FINDING_FILED");
        assertThat(again.path("detail").asString()).as("the 409 names the case").contains(caseId.toString());

        JsonNode seen = get("/api/visits/" + visit, admin);
        assertThat(seen.path("cases").path("1").asString()).isEqualTo(caseId.toString());
        assertThat(seen.path("cases").has("0")).isFalse();
        JsonNode theCase = get("/api/cases/" + caseId, admin);
        assertThat(theCase.path("visitId").asString()).isEqualTo(visit.toString());
        assertThat(theCase.path("visitFinding").asInt()).isEqualTo(1);
        assertThat(theCase.path("patrolId").isNull()).isTrue();
        // the case goes on as any case: the community files it
        assertThat(body(post("/api/cases/" + caseId + "/filing", admin, null).expectStatus().isOk()).path("status").asString())
                .isEqualTo("FILED");

        // a description given is the case's; the other finding, made a case by the admin over it
        JsonNode other = body(post("/api/visits/" + visit + "/findings/0/case", admin, Map.of("category", "REPAIRS",
                "severity", "EMERGENCY", "description", " 水管爆裂，楼下进水 ")).expectStatus().isCreated());
        assertThat(other.path("description").asString()).isEqualTo("水管爆裂，楼下进水");
        assertThat(other.path("source").asString()).isEqualTo("ADMIN");
        assertThat(get("/api/visits/" + visit, staff).path("cases").size()).isEqualTo(2);

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<JsonNode> reported = events.settle(record -> caseId.toString().equals(record.key())
                            && "org.gridgov.case.reported.v1".equals(KafkaTopicReader.header(record, "ce_type")),
                    Duration.ofSeconds(3)).stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(reported).as("the case's own event, once").singleElement().satisfies(event -> {
                assertThat(event.path("microGridId").asString()).isEqualTo(place.microGrid().toString());
                assertThat(event.toString()).doesNotContain(household.toString()).doesNotContain("楼道灯");
            });
        }
    }

    @Test
    void two_commands_at_once_make_one_case() {
        Place place = place();
        UUID household = household(place.microGrid());
        String staff = as("GRID_STAFF", place.grid());
        UUID visit = UUID.fromString(body(post("/api/visits", staff, Map.of("householdId", household, "kind", "PETITION",
                "note", "居民反映", "findings", List.of("路灯不亮"))).expectStatus().isCreated()).path("id").asString());
        Map<String, Object> request = Map.of("category", "REPAIRS", "severity", "ROUTINE");

        List<CompletableFuture<Integer>> both = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() ->
                post("/api/visits/" + visit + "/findings/0/case", staff, request).returnResult(String.class)
                        .getStatus().value())).toList();

        assertThat(both.stream().map(CompletableFuture::join).sorted().toList()).containsExactly(201, 409);
        assertThat(db.sql("select count(*) from field_case where visit_id = :visit").bind("visit", visit)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
    }
}
