package org.gridgov.fieldwork.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.fieldwork.FieldworkIntegrationTest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A case's whole life on real PostgreSQL and Kafka with a controllable clock: reported, filed, referred to a
 * department (吹哨) that acknowledges late (reminded, then the street told), handled, failing verification
 * once, reworked, verified and closed — and the department's performance figures showing it.
 */
@Import(TestClock.Config.class)
@TestPropertySource(properties = {"gridgov.fieldwork.sla.poll-interval=1h",
        "gridgov.fieldwork.sla.urgent.acknowledge=4h", "gridgov.fieldwork.sla.urgent.handle=2d"})
class CaseLifeIT extends FieldworkIntegrationTest {

    @Autowired
    TestClock clock;

    @Autowired
    CaseSupervision supervision;

    private Map<String, Object> newCase(UUID microGrid, String severity) {
        return Map.of("microGridId", microGrid.toString(), "category", "REPAIRS",
                "description", "朝华新城商户变压器损坏", "householdsAffected", 288, "shopsAffected", 50,
                "severity", severity, "photoUrls", List.of("https://photos.example/transformer.jpg"));
    }

    @Test
    void a_referred_case_acknowledged_late_is_reminded_then_escalated_reworked_once_and_closed_with_its_figures() {
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        Place place = place();
        UUID municipal = registerDepartment("区城市管理指挥中心-" + place.street(), List.of("REPAIRS", "ENVIRONMENT"),
                List.of(place.street()));
        UUID police = registerDepartment("派出所-" + place.street(), List.of("SAFETY"), List.of());
        String staff = as("GRID_STAFF", place.grid());
        String admin = as("COMMUNITY_ADMIN", place.community());

        JsonNode reported = body(post("/api/cases", staff, newCase(place.microGrid(), "URGENT")).expectStatus().isCreated());
        UUID id = UUID.fromString(reported.path("id").asString());
        assertThat(reported.path("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.path("communityId").asString()).isEqualTo(place.community().toString());
        assertThat(reported.path("streetId").asString()).isEqualTo(place.street().toString());
        assertThat(reported.path("source").asString()).isEqualTo("STAFF");

        post("/api/cases/" + id + "/referral", admin, Map.of("departmentId", municipal)).expectStatus().isEqualTo(409);
        assertThat(body(post("/api/cases/" + id + "/filing", admin, null).expectStatus().isOk()).path("status").asString())
                .isEqualTo("FILED");
        assertThat(fieldOf(post("/api/cases/" + id + "/referral", admin, Map.of("departmentId", UUID.randomUUID()))
                .expectStatus().isBadRequest())).as("an unknown department").isEqualTo("departmentId");
        assertThat(fieldOf(post("/api/cases/" + id + "/referral", admin, Map.of("departmentId", police))
                .expectStatus().isBadRequest())).as("a department not handling repairs").isEqualTo("departmentId");

        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        JsonNode referred = body(post("/api/cases/" + id + "/referral", admin, Map.of("departmentId", municipal))
                .expectStatus().isOk());
        assertThat(referred.path("status").asString()).isEqualTo("REFERRED");
        assertThat(referred.path("dueAt").asString()).startsWith("2026-03-02T13:00");
        getting("/api/cases/" + id, department(police)).expectStatus().isNotFound();
        post("/api/cases/" + id + "/acknowledgement", department(police), null).expectStatus().isNotFound();
        assertThat(get("/api/cases?status=REFERRED", department(municipal))).extracting(c -> c.path("id").asString())
                .containsExactly(id.toString());

        clock.set(Instant.parse("2026-03-02T12:59:00Z"));
        assertThat(supervision.fireDue().block()).as("within its 4 hours").isZero();
        clock.set(Instant.parse("2026-03-02T13:30:00Z"));
        assertThat(supervision.fireDue().block()).as("the department reminded").isEqualTo(1);
        assertThat(supervision.fireDue().block()).as("reminded once").isZero();
        clock.set(Instant.parse("2026-03-02T17:00:00Z"));
        assertThat(supervision.fireDue().block()).as("twice the time: the street told").isEqualTo(1);
        assertThat(supervision.fireDue().block()).as("escalated once").isZero();
        JsonNode late = get("/api/cases/" + id, admin);
        assertThat(late.path("remindedAt").asString()).startsWith("2026-03-02T13:30");
        assertThat(late.path("escalatedAt").asString()).startsWith("2026-03-02T17:00");

        clock.set(Instant.parse("2026-03-02T18:00:00Z"));
        JsonNode acknowledged = body(post("/api/cases/" + id + "/acknowledgement", department(municipal), null)
                .expectStatus().isOk());
        assertThat(acknowledged.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.path("acknowledgedOnTime").asBoolean()).isFalse();
        assertThat(acknowledged.path("dueAt").asString()).as("2 days to handle").startsWith("2026-03-04T18:00");

        clock.set(Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(fieldOf(post("/api/cases/" + id + "/handling-report", department(municipal), Map.of("note", " "))
                .expectStatus().isBadRequest())).isEqualTo("note");
        post("/api/cases/" + id + "/handling-report", staff, Map.of("note", "我们修好了")).expectStatus().isEqualTo(409);
        assertThat(body(post("/api/cases/" + id + "/handling-report", department(municipal),
                Map.of("note", "更换变压器", "photoUrls", List.of("https://photos.example/new.jpg"))).expectStatus().isOk())
                .path("status").asString()).isEqualTo("HANDLED");

        clock.set(Instant.parse("2026-03-03T15:00:00Z"));
        post("/api/cases/" + id + "/verification", department(municipal), Map.of("passed", true))
                .expectStatus().isForbidden();
        JsonNode rework = body(post("/api/cases/" + id + "/verification", staff,
                Map.of("passed", false, "note", "仍有商户停电")).expectStatus().isOk());
        assertThat(rework.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(rework.path("reworkCount").asInt()).isEqualTo(1);

        clock.set(Instant.parse("2026-03-04T09:00:00Z"));
        post("/api/cases/" + id + "/handling-report", department(municipal), Map.of("note", "线路也已更换"))
                .expectStatus().isOk();
        String key = UUID.randomUUID().toString();
        JsonNode closed = body(post("/api/cases/" + id + "/verification", staff, Map.of("passed", true), key)
                .expectStatus().isOk());
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("handledOnTime").asBoolean()).isTrue();
        post("/api/cases/" + id + "/verification", staff, Map.of("passed", true), key).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");

        JsonNode figures = get("/api/departments/" + municipal + "/performance?from=2026-03-01&to=2026-03-31",
                department(municipal)).path("figures");
        assertThat(figures.path("referred").asInt()).isEqualTo(1);
        assertThat(figures.path("acknowledged").asInt()).isEqualTo(1);
        assertThat(figures.path("acknowledgedOnTime").asInt()).isZero();
        assertThat(figures.path("handled").asInt()).isEqualTo(1);
        assertThat(figures.path("handledOnTime").asInt()).isEqualTo(1);
        assertThat(figures.path("closed").asInt()).isEqualTo(1);
        assertThat(figures.path("reworked").asInt()).isEqualTo(1);
        assertThat(figures.path("reworkRate").asDouble()).isEqualTo(1.0);
        assertThat(figures.path("medianMinutesToAcknowledge").asLong()).isEqualTo(9 * 60);
        assertThat(figures.path("medianMinutesToHandle").asLong()).isEqualTo(16 * 60);
        assertThat(get("/api/departments/" + municipal + "/performance?from=2026-04-01&to=2026-04-30", admin)
                .path("figures").path("referred").asInt()).as("another month").isZero();
        getting("/api/departments/" + municipal + "/performance?from=2026-03-01&to=2026-03-31", department(police))
                .expectStatus().isForbidden();

        // 综合评价 per street: the street's admin sees the same figures, per department and in all
        String streetPath = "/api/streets/" + place.street() + "/performance?from=2026-03-01&to=2026-03-31";
        JsonNode street = get(streetPath, as("STREET_ADMIN", place.street()));
        assertThat(street.path("total").path("referred").asInt()).isEqualTo(1);
        assertThat(street.path("total").path("reworked").asInt()).isEqualTo(1);
        assertThat(street.path("departments")).singleElement().satisfies(d -> {
            assertThat(d.path("departmentId").asString()).isEqualTo(municipal.toString());
            assertThat(d.path("performance").path("handledOnTime").asInt()).isEqualTo(1);
        });
        getting(streetPath, admin).expectStatus().isForbidden();
        getting(streetPath, as("GRID_STAFF", place.grid())).expectStatus().isForbidden();
        getting("/api/streets/" + place.community() + "/performance?from=2026-03-01&to=2026-03-31", districtAdmin())
                .expectStatus().isNotFound();
        assertThat(fieldOf(getting("/api/streets/" + place.street() + "/performance?from=2026-03-31&to=2026-03-01",
                as("STREET_ADMIN", place.street())).expectStatus().isBadRequest())).isEqualTo("to");

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<JsonNode> ofCase = events.settle(record -> id.toString().equals(record.key()), Duration.ofSeconds(3))
                    .stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(ofCase.stream().filter(e -> e.has("status")).map(e -> e.path("status").asString()))
                    .containsExactly("FILED", "REFERRED", "ACKNOWLEDGED", "HANDLED", "ACKNOWLEDGED", "HANDLED", "CLOSED");
            assertThat(ofCase.stream().filter(e -> e.has("level")).map(e -> e.path("level").asString() + "→"
                    + e.path("recipient").asString())).containsExactly("REMINDER→DEPARTMENT", "ESCALATION→STREET");
            assertThat(ofCase.toString()).as("no description or notes in events").doesNotContain("变压器", "线路");
        }
    }

    @Test
    void an_emergency_reaches_the_community_admins_at_once_and_a_case_the_community_solves_itself_closes() {
        clock.set(Instant.parse("2026-03-05T08:00:00Z"));
        Place place = place();
        String staff = as("GRID_STAFF", place.grid());
        UUID id = UUID.fromString(body(post("/api/cases", staff, newCase(place.otherMicroGrid(), "EMERGENCY"))
                .expectStatus().isCreated()).path("id").asString());
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<JsonNode> alerts = events.settle(record -> id.toString().equals(record.key())
                            && KafkaTopicReader.header(record, "ce_type").endsWith("case.alerted.v1"), Duration.ofSeconds(3))
                    .stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).path("level").asString()).isEqualTo("EMERGENCY");
            assertThat(alerts.get(0).path("recipient").asString()).isEqualTo("COMMUNITY");
            assertThat(alerts.get(0).path("communityId").asString()).isEqualTo(place.community().toString());
        }
        post("/api/cases/" + id + "/filing", staff, null).expectStatus().isOk();
        post("/api/cases/" + id + "/handling-report", staff, Map.of("note", "社区协调物业当天修复")).expectStatus().isOk();
        post("/api/cases/" + id + "/verification", staff, Map.of("passed", false)).expectStatus().isOk();
        assertThat(get("/api/cases/" + id, staff).path("status").asString()).as("back to the community's staff")
                .isEqualTo("FILED");
        post("/api/cases/" + id + "/handling-report", staff, Map.of("note", "再次修复")).expectStatus().isOk();
        JsonNode closed = body(post("/api/cases/" + id + "/verification", staff, Map.of("passed", true)).expectStatus().isOk());
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("reworkCount").asInt()).isEqualTo(1);
        assertThat(get("/api/cases?node=" + place.community() + "&status=CLOSED", as("COMMUNITY_ADMIN", place.community())))
                .extracting(c -> c.path("id").asString()).containsExactly(id.toString());
    }

    @Test
    void bad_reports_name_their_field_outsiders_are_refused_and_a_declined_case_needs_a_reason() {
        clock.set(Instant.parse("2026-03-06T08:00:00Z"));
        Place place = place();
        Place elsewhere = place();
        String staff = as("GRID_STAFF", place.grid());

        assertThat(fieldOf(post("/api/cases", staff, Map.of("category", "REPAIRS", "description", "x",
                "severity", "ROUTINE")).expectStatus().isBadRequest())).isEqualTo("microGridId");
        assertThat(fieldOf(post("/api/cases", staff, newCase(UUID.randomUUID(), "ROUTINE")).expectStatus().isBadRequest()))
                .as("a micro-grid that does not exist").isEqualTo("microGridId");
        assertThat(fieldOf(post("/api/cases", staff, Map.of("microGridId", place.microGrid().toString(),
                "category", "REPAIRS", "description", "x", "severity", "SEVERE")).expectStatus().isBadRequest()))
                .isEqualTo("severity");
        post("/api/cases", as("GRID_STAFF", elsewhere.grid()), newCase(place.microGrid(), "ROUTINE"))
                .expectStatus().isForbidden();
        // an empty status value (or a NUL, which Spring trims to nothing) was a 500, found by the 100,000-request fuzz pass
        for (String status : List.of(" ", "REFERRED&status= ")) {
            assertThat(fieldOf(getting("/api/cases?node=" + place.community() + "&status=" + status,
                    as("COMMUNITY_ADMIN", place.community()))
                    .expectStatus().isBadRequest())).as("status=%s", status).isEqualTo("status");
        }
        post("/api/cases", as("RESIDENT", place.microGrid()), newCase(place.microGrid(), "ROUTINE"))
                .expectStatus().isForbidden();
        UUID memberId = partyMemberOf(place.community(), place.grid());
        String member = token(org.gridgov.infra.TokenRequest.of("member-" + memberId, "PARTY_MEMBER")
                .withMember(memberId.toString()));
        String memberElsewhere = token(org.gridgov.infra.TokenRequest.of("member-b", "PARTY_MEMBER")
                .withMember(partyMemberOf(elsewhere.community(), elsewhere.grid()).toString()));
        post("/api/cases", memberElsewhere, newCase(place.microGrid(), "ROUTINE")).expectStatus().isForbidden();
        JsonNode byMember = body(post("/api/cases", member, newCase(place.microGrid(), "ROUTINE")).expectStatus().isCreated());
        assertThat(byMember.path("source").asString()).isEqualTo("PARTY_MEMBER");
        UUID id = UUID.fromString(byMember.path("id").asString());
        assertThat(get("/api/cases/" + id, member).path("id").asString()).as("the reporter sees it").isEqualTo(id.toString());
        getting("/api/cases/" + id, as("GRID_STAFF", elsewhere.grid())).expectStatus().isNotFound();
        post("/api/cases/" + id + "/filing", as("COMMUNITY_ADMIN", elsewhere.community()), null).expectStatus().isNotFound();
        post("/api/cases/" + id + "/filing", member, null).expectStatus().isForbidden();

        assertThat(fieldOf(post("/api/cases/" + id + "/decline", staff, Map.of("reason", "")).expectStatus().isBadRequest()))
                .isEqualTo("reason");
        assertThat(body(post("/api/cases/" + id + "/decline", staff, Map.of("reason", "属于私人财产纠纷")).expectStatus().isOk())
                .path("status").asString()).isEqualTo("DECLINED");
        post("/api/cases/" + id + "/filing", staff, null).expectStatus().isEqualTo(409);
    }

    @Test
    void only_the_district_registers_departments_for_streets_that_exist_each_name_once() {
        Place place = place();
        post("/api/departments", as("COMMUNITY_ADMIN", place.community()),
                Map.of("name", "市场监管所", "categories", List.of("SAFETY"))).expectStatus().isForbidden();
        assertThat(fieldOf(post("/api/departments", districtAdmin(), Map.of("name", "住建局-" + place.street(),
                "categories", List.of("REPAIRS"), "streetIds", List.of(place.street(), UUID.randomUUID())))
                .expectStatus().isBadRequest())).isEqualTo("streetIds[1]");
        assertThat(fieldOf(post("/api/departments", districtAdmin(), Map.of("name", "住建局", "categories", List.of()))
                .expectStatus().isBadRequest())).isEqualTo("categories");
        UUID housing = registerDepartment("住建局-" + place.street(), List.of("REPAIRS"), List.of(place.street()));
        post("/api/departments", districtAdmin(), Map.of("name", "住建局-" + place.street(), "categories", List.of("REPAIRS")))
                .expectStatus().isEqualTo(409);
        JsonNode listed = get("/api/departments", as("GRID_STAFF", place.grid()));
        assertThat(listed.findValuesAsString("id")).contains(housing.toString());
        assertThat(get("/api/departments/" + housing, department(housing)).path("streetIds").get(0).asString())
                .isEqualTo(place.street().toString());
    }
}
