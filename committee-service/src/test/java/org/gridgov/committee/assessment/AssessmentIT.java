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
import org.gridgov.committee.supervision.MilestoneSupervision;
import org.gridgov.contracts.EventType;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.TestClock;
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
        assertThat(first.path("rule").asString()).isEqualTo("A3");
        assertThat(first.path("ruleText").asString()).contains("escalated", "Wishes:", "Red/black list");
        JsonNode units = first.path("units");
        assertThat(units).hasSize(3);
        JsonNode best = units.get(0);
        assertThat(best.path("unitId").asString()).isEqualTo(delivering.toString());
        assertThat(best.path("place").asInt()).isEqualTo(1);
        assertThat(best.path("score").asInt()).isEqualTo(40);
        assertThat(best.path("band").asString()).isEqualTo("FAIL");
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
            assertThat(computed.get(0).path("units").get(0).path("score").asInt()).isEqualTo(40);
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
        assertThat(lines.get(1)).startsWith("1," + delivering + ",单位0,40,FAIL,1,1,2,2,0,0,1,20.0,0,0,0,0,,,,");

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
                "wishes_claimed", "black_list_quarters", "reached 2 of 2 due milestone(s) on time (+10)");
    }

    @Test
    void a_units_wishes_and_red_black_list_placements_count_with_their_reasons_and_a_redelivered_event_counts_once() {
        Committee committee = committee(2, 0);
        UUID serving = committee.units().get(0);
        UUID blacklisted = committee.units().get(1);
        String admin = admin("STREET_ADMIN", committee.place().street());
        Instant march = Instant.parse("2026-03-01T08:00:00Z");
        // fulfilled before the wanted date and rated 5; fulfilled after it and rated 3; given up; each event delivered twice
        UUID onTime = feed.wish(committee.place(), march, march.plus(Duration.ofDays(10)));
        UUID late = feed.wish(committee.place(), march, march.plus(Duration.ofDays(2)));
        UUID givenUp = feed.wish(committee.place(), march, march.plus(Duration.ofDays(10)));
        for (int delivery = 0; delivery < 2; delivery++) {
            serve(onTime, serving, march, 5);
            serve(late, serving, march, 3);
        }
        feed.wishStep(EventType.WISH_CLAIMED, givenUp, serving, march, null, UUID.randomUUID());
        feed.wishStep(EventType.WISH_RELEASED, givenUp, serving, march.plus(Duration.ofDays(1)), null, UUID.randomUUID());
        // 2026Q1 announced once (and delivered twice); 2026Q2 twice, the later announcement counts even when the
        // earlier arrives after it; a quarter of another year does not count
        UUID q1 = UUID.randomUUID();
        for (int delivery = 0; delivery < 2; delivery++) {
            feed.redBlackList(committee.community(), "2026Q1", Instant.parse("2026-03-30T08:00:00Z"),
                    Map.of(serving, new String[] {"RED", "R1"}, blacklisted, new String[] {"BLACK", "B1"}), q1);
        }
        feed.redBlackList(committee.community(), "2026Q2", Instant.parse("2026-06-30T08:00:00Z"),
                Map.of(serving, new String[] {"NONE", "N"}, blacklisted, new String[] {"BLACK", "B4"}), UUID.randomUUID());
        feed.redBlackList(committee.community(), "2026Q2", Instant.parse("2026-06-29T08:00:00Z"),
                Map.of(serving, new String[] {"BLACK", "B2"}, blacklisted, new String[] {"RED", "R2"}), UUID.randomUUID());
        feed.redBlackList(committee.community(), "2025Q4", Instant.parse("2025-12-30T08:00:00Z"),
                Map.of(serving, new String[] {"BLACK", "B3"}, blacklisted, new String[] {"BLACK", "B3"}), UUID.randomUUID());
        awaitCount("select count(*) from wish_claim where closed_at is not null and unit_id = :id", serving, 2);
        awaitCount("select count(*) from list_placement where community_id = :id", committee.community(), 6);
        awaitCount("select count(*) from list_placement where community_id = :id and quarter = '2026Q2' "
                + "and placement = 'NONE'", committee.community(), 1);

        clock.set(Instant.parse("2027-01-10T08:00:00Z"));
        JsonNode assessment = body(post("/api/assessments", admin, Map.of("communityId", committee.community(),
                "year", YEAR)).expectStatus().isCreated());
        assertThat(assessment.path("rule").asString()).isEqualTo("A3");
        JsonNode servingRow = row(assessment.path("units"), serving);
        JsonNode wishes = servingRow.path("figures").path("wishes");
        assertThat(wishes.path("claimed").asInt()).as("the wish given up does not count").isEqualTo(2);
        assertThat(wishes.path("fulfilled").asInt()).isEqualTo(2);
        assertThat(wishes.path("fulfilledOnTime").asInt()).isEqualTo(1);
        assertThat(wishes.path("ratings").asInt()).as("redelivered closings count once").isEqualTo(2);
        assertThat(wishes.path("averageRating").asDouble()).isEqualTo(4.0);
        assertThat(servingRow.path("figures").path("redBlackList")).hasSize(1);
        assertThat(reasonPoints(servingRow)).containsEntry("WISHES_CLAIMED", 4).containsEntry("WISHES_ON_TIME", 5)
                .containsEntry("WISH_RATINGS", 8).containsEntry("RED_LIST", 5).doesNotContainKey("BLACK_LIST");
        assertThat(servingRow.path("reasons").findValuesAsString("text"))
                .contains("fulfilled 1 of 2 wish(es) on time", "2 rating(s) by residents, 4.0 of 5 on average",
                        "on the red list of 2026Q1 by rule R1: rule R1 of the red/black list");
        assertThat(servingRow.path("score").asInt()).isEqualTo(22);
        JsonNode blacklistedRow = row(assessment.path("units"), blacklisted);
        assertThat(blacklistedRow.path("reasons").findValuesAsString("text")).contains(
                "on the black list of 2026Q1 by rule B1: rule B1 of the red/black list",
                "on the black list of 2026Q2 by rule B4: rule B4 of the red/black list");
        assertThat(reasonPoints(blacklistedRow)).containsEntry("BLACK_LIST", -10).doesNotContainKey("RED_LIST");
        assertThat(blacklistedRow.path("score").asInt()).isZero();

        String csv = web.get().uri("/api/assessments?community=" + committee.community() + "&year=" + YEAR)
                .headers(h -> {
                    h.setBearerAuth(admin);
                    h.setAccept(List.of(MediaType.parseMediaType("text/csv")));
                }).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().toList().get(0)).contains("wishes_claimed,wishes_fulfilled,wishes_on_time,wish_ratings,"
                + "average_wish_rating,red_list_quarters,black_list_quarters,joint_meetings_invited,joint_meetings_attended,"
                + "motions_decided,motions_voted,reasons");
        assertThat(csv).contains(",2,2,1,2,4.0,2026Q1 R1,,", ",0,0,0,0,,,2026Q1 B1; 2026Q2 B4,");
    }

    @Test
    void a_version_frozen_by_rule_a1_keeps_its_rule_figures_and_reasons_when_a2_computes_the_next() {
        Committee committee = committee(1, 0);
        UUID unit = committee.units().get(0);
        String admin = admin("DISTRICT_ADMIN", committee.place().district());
        UUID frozen = UUID.randomUUID();
        String a1Figures = "{\"unitId\":\"" + unit + "\",\"name\":\"单位0\",\"signed\":2,\"completed\":0,"
                + "\"milestonesDue\":0,\"milestonesOnTime\":0,\"escalations\":0,\"declines\":0,\"reviews\":0,"
                + "\"reviewPoints\":0}";
        String a1Reasons = "[{\"code\":\"SIGNED\",\"text\":\"signed 2 project claim agreement(s)\",\"points\":30}]";
        db.sql("insert into assessment (id, community_id, year, version, rule, fingerprint, computed_by, computed_at) "
                        + "values (:id, :community, 2026, 1, 'A1', 'A1 as frozen', 'admin', now())")
                .bind("id", frozen).bind("community", committee.community()).fetch().rowsUpdated().block();
        db.sql("insert into assessment_unit (assessment_id, unit_id, name, place, score, band, figures, reasons) values "
                        + "(:id, :unit, '单位0', 1, 30, 'FAIL', cast(:figures as jsonb), cast(:reasons as jsonb))")
                .bind("id", frozen).bind("unit", unit).bind("figures", a1Figures).bind("reasons", a1Reasons)
                .fetch().rowsUpdated().block();

        JsonNode old = get("/api/assessments?community=" + committee.community() + "&year=" + YEAR, admin);
        assertThat(old.path("rule").asString()).isEqualTo("A1");
        assertThat(old.path("ruleText").asString()).startsWith("15 points per signed project claim agreement");
        assertThat(old.path("units").get(0).path("score").asInt()).isEqualTo(30);
        assertThat(old.path("units").get(0).path("figures").path("signed").asInt()).isEqualTo(2);
        assertThat(old.path("units").get(0).path("figures").path("wishes").isNull()).as("A1 counted no wishes").isTrue();
        String oldCsv = web.get().uri("/api/assessments?community=" + committee.community() + "&year=" + YEAR)
                .headers(h -> {
                    h.setBearerAuth(admin);
                    h.setAccept(List.of(MediaType.parseMediaType("text/csv")));
                }).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(oldCsv.lines().toList().get(1)).contains(",,,,,,,signed 2 project claim agreement(s) (+30)");

        clock.set(Instant.parse("2027-01-10T08:00:00Z"));
        JsonNode next = body(post("/api/assessments", admin, Map.of("communityId", committee.community(), "year", YEAR))
                .expectStatus().isCreated());
        assertThat(next.path("version").asInt()).isEqualTo(2);
        assertThat(next.path("rule").asString()).isEqualTo("A3");
        assertThat(db.sql("select count(*) from assessment_unit u join assessment a on a.id = u.assessment_id "
                        + "where a.id = :id and a.rule = 'A1' and u.score = 30 and u.figures = cast(:figures as jsonb) "
                        + "and u.reasons = cast(:reasons as jsonb)")
                .bind("id", frozen).bind("figures", a1Figures).bind("reasons", a1Reasons)
                .map(row -> row.get(0, Long.class)).one().block()).as("the frozen version is unchanged").isEqualTo(1L);
    }

    /** Claimed, fulfilled five days on, closed with a rating; the event ids follow from the wish, so a second call redelivers. */
    private static void serve(UUID wish, UUID unit, Instant march, int rating) {
        long id = wish.getMostSignificantBits();
        feed.wishStep(EventType.WISH_CLAIMED, wish, unit, march.plus(Duration.ofHours(1)), null, new UUID(id, 1));
        feed.wishStep(EventType.WISH_FULFILLED, wish, unit, march.plus(Duration.ofDays(5)), null, new UUID(id, 2));
        feed.wishStep(EventType.WISH_CLOSED, wish, unit, march.plus(Duration.ofDays(6)), rating, new UUID(id, 3));
    }

    @Test
    void rule_a3_counts_the_joint_meetings_a_unit_attended_and_the_motions_it_voted_on() {
        Committee committee = committee(2, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        UUID present = committee.units().get(0);
        UUID absent = committee.units().get(1);
        clock.set(Instant.parse("2026-04-10T10:00:00Z"));
        String meeting = body(post("/api/meetings", admin, Map.of("communityId", committee.community(), "kind", "JOINT",
                "title", "第二季度联席会议", "scheduledAt", "2026-04-10T09:00:00Z", "place", "社区会议室",
                "agenda", List.of(Map.of("title", "议题", "refKind", "OTHER")),
                "invitees", Map.of("unitIds", committee.units()))).expectStatus().isCreated()).path("id").asString();
        post("/api/meetings/" + meeting + "/attendance", admin, Map.of("present", List.of(present))).expectStatus().isOk();
        for (int i = 0; i < 2; i++) {
            String motion = body(post("/api/meetings/" + meeting + "/motions", admin, Map.of("agendaItem", 0, "text", "动议" + i))
                    .expectStatus().isCreated()).path("id").asString();
            if (i == 0) {
                post("/api/motions/" + motion + "/votes", admin, Map.of("voterId", present, "choice", "FOR")).expectStatus().isOk();
            }
        }
        post("/api/meetings/" + meeting + "/close", admin, null).expectStatus().isOk();

        clock.set(Instant.parse("2027-01-10T08:00:00Z"));
        JsonNode assessment = body(post("/api/assessments", admin, Map.of("communityId", committee.community(),
                "year", YEAR)).expectStatus().isCreated());

        assertThat(assessment.path("rule").asString()).isEqualTo("A3");
        JsonNode came = row(assessment.path("units"), present);
        assertThat(came.path("figures").path("jointMeetings").path("attended").asInt()).isEqualTo(1);
        assertThat(reasonPoints(came)).containsEntry("JOINT_MEETINGS", 5).containsEntry("MOTIONS_VOTED", 3);
        assertThat(came.path("reasons").findValuesAsString("text"))
                .contains("attended 1 of 1 joint meeting(s) it was invited to", "voted on 1 of 2 motion(s) decided while it was present");
        JsonNode stayedAway = row(assessment.path("units"), absent);
        assertThat(reasonPoints(stayedAway)).containsEntry("JOINT_MEETINGS", 0).containsEntry("MOTIONS_VOTED", 0);
        assertThat(stayedAway.path("reasons").findValuesAsString("text")).contains("attended 0 of 1 joint meeting(s) it was invited to");
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
