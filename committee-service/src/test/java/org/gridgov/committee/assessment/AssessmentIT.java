package org.gridgov.committee.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.gridgov.committee.CommitteeIntegrationTest;
import org.gridgov.committee.TestClock;
import org.gridgov.committee.supervision.MilestoneSupervision;
import org.gridgov.kit.test.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The year-end assessment (年底考核) computed from a year of projects on real PostgreSQL and Kafka: every
 * unit's score with its reasons, frozen as a version, the same version again when nothing changed, and
 * exported as CSV and XLSX.
 */
@Import(TestClock.Config.class)
@TestPropertySource(properties = {"gridgov.committee.supervision.poll-interval=1h",
        "gridgov.committee.supervision.escalate-after=7d"})
class AssessmentIT extends CommitteeIntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    TestClock clock;

    @Autowired
    MilestoneSupervision supervision;

    @Test
    void a_year_of_projects_gives_each_unit_a_score_with_reasons_frozen_once_until_something_changes() throws IOException {
        clock.set(Instant.parse("2026-03-01T08:00:00Z"));
        Committee committee = committee(3, 0);
        UUID delivering = committee.units().get(0);
        UUID late = committee.units().get(1);
        String admin = admin("COMMUNITY_ADMIN", committee.community());

        UUID delivered = handMade(committee, "助老食堂");
        post("/api/projects/" + delivered + "/claim", unitToken(delivering), null).expectStatus().isOk();
        sign(delivered, delivering, "2026-03-31", "2026-06-30");
        clock.set(Instant.parse("2026-03-20T08:00:00Z"));
        progress(delivered, delivering, "M1", 40);
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        progress(delivered, delivering, "M2", 90);
        post("/api/projects/" + delivered + "/completion", unitToken(delivering), null).expectStatus().isOk();
        post("/api/projects/" + delivered + "/reviews", admin, Map.of("quarter", "2026Q2", "grade", "EXCELLENT"))
                .expectStatus().isCreated();

        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        UUID lagging = handMade(committee, "楼道照明");
        post("/api/projects/" + lagging + "/claim", unitToken(late), null).expectStatus().isOk();
        sign(lagging, late, "2026-04-30");
        UUID given = handMade(committee, "垃圾分类");
        post("/api/projects/" + given + "/claim", unitToken(late), null).expectStatus().isOk();
        post("/api/projects/" + given + "/decline", unitToken(late), Map.of("reason", "人手不足")).expectStatus().isOk();
        clock.set(Instant.parse("2026-05-02T08:00:00Z"));
        supervision.fireDue().block();
        clock.set(Instant.parse("2026-05-08T08:00:00Z"));
        supervision.fireDue().block();
        assertThat(get("/api/projects/supervision?community=" + committee.community(), admin).get(0).path("escalatedAt")
                .asString()).as("escalated").startsWith("2026-05-08");
        post("/api/projects/" + lagging + "/reviews", admin, Map.of("quarter", "2026Q2", "grade", "POOR"))
                .expectStatus().isCreated();

        clock.set(Instant.parse("2027-01-10T08:00:00Z"));
        Map<String, Object> request = Map.of("communityId", committee.community(), "year", YEAR);
        JsonNode first = body(post("/api/assessments", admin, request, "assess-1").expectStatus().isCreated());
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("rule").asString()).isEqualTo("A1");
        assertThat(first.path("ruleText").asString()).contains("escalated");
        JsonNode units = first.path("units");
        assertThat(units).hasSize(3);
        JsonNode best = units.get(0);
        assertThat(best.path("unitId").asString()).isEqualTo(delivering.toString());
        assertThat(best.path("place").asInt()).isEqualTo(1);
        assertThat(best.path("score").asInt()).isEqualTo(70);
        assertThat(best.path("band").asString()).isEqualTo("GOOD");
        assertThat(best.path("reasons").findValuesAsString("text"))
                .contains("signed 1 project claim agreement(s)", "completed 1 project(s)",
                        "reached 2 of 2 due milestone(s) on time");
        JsonNode lateRow = row(units, late);
        assertThat(lateRow.path("score").asInt()).isZero();
        assertThat(lateRow.path("band").asString()).isEqualTo("FAIL");
        assertThat(lateRow.path("figures").path("escalations").asInt()).isEqualTo(1);
        assertThat(lateRow.path("figures").path("declines").asInt()).isEqualTo(1);
        assertThat(reasonPoints(lateRow)).containsEntry("ESCALATED", -10).containsEntry("DECLINED", -5)
                .containsEntry("ON_TIME", 0);

        post("/api/assessments", admin, request, "assess-1").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        post("/api/assessments", admin, request).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.assessmentId").isEqualTo(first.path("assessmentId").asString());

        post("/api/projects/" + lagging + "/reviews", admin, Map.of("quarter", "2026Q3", "grade", "EXCELLENT"))
                .expectStatus().isCreated();
        JsonNode second = body(post("/api/assessments", admin, request).expectStatus().isCreated());
        assertThat(second.path("version").asInt()).isEqualTo(2);
        assertThat(row(second.path("units"), late).path("figures").path("reviews").asInt()).isEqualTo(2);

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<JsonNode> computed = events.settle(record -> committee.community().toString().equals(record.key())
                            && "org.gridgov.assessment.computed.v1".equals(KafkaTopicReader.header(record, "ce_type")),
                    Duration.ofSeconds(3)).stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(computed).as("one event per version, none for the repeats").hasSize(2);
            assertThat(computed.get(0).path("units").get(0).path("score").asInt()).isEqualTo(70);
            assertThat(computed.get(1).path("version").asInt()).isEqualTo(2);
        }

        JsonNode own = get("/api/assessments?community=" + committee.community() + "&year=" + YEAR, unitToken(late));
        assertThat(own.path("units")).as("a unit sees its own row only").hasSize(1);
        assertThat(own.path("units").get(0).path("unitId").asString()).isEqualTo(late.toString());
        web.get().uri("/api/assessments?community=" + committee.community() + "&year=" + YEAR)
                .headers(h -> h.setBearerAuth(resident(committee.place().grid()))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/assessments?community=" + committee.community() + "&year=" + YEAR)
                .headers(h -> h.setBearerAuth(admin("COMMUNITY_ADMIN", UUID.randomUUID()))).exchange()
                .expectStatus().isForbidden();
        post("/api/assessments", unitToken(late), request).expectStatus().isForbidden();

        String csv = web.get().uri("/api/assessments?community=" + committee.community() + "&year=" + YEAR)
                .headers(h -> {
                    h.setBearerAuth(admin);
                    h.setAccept(List.of(MediaType.parseMediaType("text/csv")));
                }).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectHeader().value("Content-Disposition", value -> assertThat(value).contains("-v2.csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("place,unit_id,unit,score,band");
        assertThat(lines.get(1)).startsWith("1," + delivering + ",单位0,70,GOOD,1,1,2,2,0,0,1,20.0,");

        byte[] workbook = web.get().uri("/api/assessments?community=" + committee.community() + "&year=" + YEAR)
                .headers(h -> {
                    h.setBearerAuth(admin);
                    h.setAccept(List.of(MediaType.parseMediaType(XLSX)));
                }).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(XLSX))
                .expectBody(byte[].class).returnResult().getResponseBody();
        Map<String, String> parts = unzip(workbook);
        assertThat(parts).containsKey("xl/worksheets/sheet1.xml");
        assertThat(text(parts.get("xl/sharedStrings.xml"))).contains("单位0", "单位1", "average_review",
                "reached 2 of 2 due milestone(s) on time (+20)");
    }

    @Test
    void bad_input_names_the_field_and_an_assessment_never_computed_is_404() {
        Committee committee = committee(1, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        post("/api/assessments", admin, Map.of("year", YEAR)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId");
        post("/api/assessments", admin, Map.of("communityId", committee.community(), "year", 2099))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
        post("/api/assessments", admin, Map.of("communityId", committee.community(), "year", "last"))
                .expectStatus().isBadRequest();
        web.get().uri("/api/assessments?community=" + committee.community() + "&year=2025")
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void sign(UUID project, UUID unit, String... dueDates) {
        List<Map<String, String>> milestones = new java.util.ArrayList<>();
        for (int i = 0; i < dueDates.length; i++) {
            milestones.add(Map.of("title", "M" + (i + 1), "dueDate", dueDates[i]));
        }
        post("/api/projects/" + project + "/agreement", unitToken(unit), Map.of("signatory", "李四", "commitments", "按期完成",
                "milestones", milestones)).expectStatus().isCreated();
    }

    private void progress(UUID project, UUID unit, String milestone, int percent) {
        post("/api/projects/" + project + "/progress", unitToken(unit), Map.of("milestone", milestone, "note", "完成" + milestone,
                "percent", percent)).expectStatus().isOk();
    }

    private static JsonNode row(JsonNode units, UUID unit) {
        for (JsonNode row : units) {
            if (row.path("unitId").asString().equals(unit.toString())) {
                return row;
            }
        }
        throw new AssertionError("no row for unit " + unit);
    }

    private static Map<String, Integer> reasonPoints(JsonNode row) {
        Map<String, Integer> points = new HashMap<>();
        row.path("reasons").forEach(reason -> points.put(reason.path("code").asString(), reason.path("points").asInt()));
        return points;
    }

    /** An XML part's text, character references read. */
    private static String text(String xml) {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement().getTextContent();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    /** The workbook's parts, read through its central directory as a spreadsheet program does. */
    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("assessment", ".xlsx");
        Map<String, String> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(Files.write(file, bytes).toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            Files.delete(file);
        }
        return parts;
    }
}
