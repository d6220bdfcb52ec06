package org.gridgov.committee.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.committee.CommitteeIntegrationTest;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A meeting's life through the API, on real PostgreSQL and Kafka: scheduled, attended, minuted, motions voted and decided, closed. */
class MeetingLifeIT extends CommitteeIntegrationTest {

    private static final Instant NEXT_WEEK = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void a_joint_meeting_pulls_in_the_quarters_reviews_still_to_give_and_the_open_needs_and_tells_its_invitees() {
        Committee committee = committee(2, 3);
        UUID member = member(committee);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        UUID taken = UUID.fromString(body(post("/api/projects", admin, Map.of("communityId", committee.community(),
                "year", YEAR, "title", "适老化改造", "category", "ELDERLY_CARE", "needIds", List.of(committee.needs().get(0))))
                .expectStatus().isCreated()).path("id").asString());
        post("/api/projects/" + taken + "/claim", unitToken(committee.units().get(0)), null).expectStatus().isOk();
        post("/api/projects/" + taken + "/agreement", unitToken(committee.units().get(0)), Map.of("signatory", "张三",
                "commitments", "按期完成", "milestones", List.of(Map.of("title", "完成", "dueDate", YEAR + "-12-31"))))
                .expectStatus().isCreated();
        // a second project under way, already reviewed for the meeting's quarter: nothing left to review there
        String quarter = NEXT_WEEK.atOffset(ZoneOffset.UTC).getYear() + "Q" + ((NEXT_WEEK.atOffset(ZoneOffset.UTC).getMonthValue() - 1) / 3 + 1);
        String reviewed = body(post("/api/projects", admin, Map.of("communityId", committee.community(),
                "year", YEAR, "title", "楼道照明", "category", "ELDERLY_CARE", "needIds", List.of(committee.needs().get(1))))
                .expectStatus().isCreated()).path("id").asString();
        post("/api/projects/" + reviewed + "/claim", unitToken(committee.units().get(1)), null).expectStatus().isOk();
        post("/api/projects/" + reviewed + "/agreement", unitToken(committee.units().get(1)), Map.of("signatory", "李四",
                "commitments", "按期完成", "milestones", List.of(Map.of("title", "完成", "dueDate", YEAR + "-12-31"))))
                .expectStatus().isCreated();
        post("/api/projects/" + reviewed + "/reviews", admin, Map.of("quarter", quarter, "grade", "GOOD")).expectStatus().is2xxSuccessful();

        JsonNode meeting = body(post("/api/meetings", admin, joint(committee, List.of(member), "季度联席会议"))
                .expectStatus().isCreated());

        List<String> agenda = new ArrayList<>();
        meeting.path("agenda").forEach(item -> agenda.add(item.path("refKind").asString() + " " + item.path("title").asString()));
        assertThat(agenda).containsExactly("OTHER 通报上季度工作", "PROJECT 项目评议 " + quarter + ": 适老化改造", "NEED 需求: 需求2");
        assertThat(meeting.path("agenda").get(1).path("refId").asString()).isEqualTo(taken.toString());
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<ConsumerRecord<String, byte[]>> scheduled = events.settle(record ->
                    "org.gridgov.meeting.scheduled.v1".equals(KafkaTopicReader.header(record, "ce_type"))
                            && KafkaTopicReader.value(record).contains(meeting.path("id").asString()), Duration.ofSeconds(3));
            assertThat(scheduled).hasSize(1);
            JsonNode data = json.readTree(KafkaTopicReader.value(scheduled.get(0)));
            assertThat(data.path("invitedUnitIds").toString()).contains(committee.units().get(0).toString(),
                    committee.units().get(1).toString());
            assertThat(data.path("invitedMemberIds").get(0).asString()).isEqualTo(member.toString());
            assertThat(data.path("departmentNames").get(0).asString()).isEqualTo("街道城管科");
        }
    }

    @Test
    void motions_pass_or_fail_by_the_votes_of_those_present_and_a_closed_meeting_changes_no_more() {
        Committee committee = committee(3, 0);
        UUID member = member(committee);
        List<UUID> units = committee.units();
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        String id = body(post("/api/meetings", admin, joint(committee, List.of(member), "联席会议"))
                .expectStatus().isCreated()).path("id").asString();

        post("/api/meetings/" + id + "/attendance", admin, Map.of("present", List.of(units.get(0), units.get(1), member),
                "excused", List.of(units.get(2)))).expectStatus().isOk();
        put("/api/meetings/" + id + "/minutes", admin, Map.of("text", "会议听取了上季度工作通报。")).expectStatus().isOk();
        String passing = motion(id, admin, "同意增设老年食堂");
        String failing = motion(id, admin, "同意拆除自行车棚");

        vote(passing, unitToken(units.get(0)), units.get(0), "FOR").expectStatus().isOk();
        vote(passing, admin, units.get(1), "FOR").expectStatus().isOk();
        vote(passing, memberToken(member), member, "AGAINST").expectStatus().isOk();
        vote(failing, unitToken(units.get(0)), units.get(0), "FOR").expectStatus().isOk();
        JsonNode changed = body(vote(failing, unitToken(units.get(0)), units.get(0), "AGAINST").expectStatus().isOk());
        assertThat(changed.path("votes")).hasSize(1);
        vote(failing, unitToken(units.get(1)), units.get(1), "ABSTAIN").expectStatus().isOk();
        vote(failing, admin, member, "FOR").expectStatus().isOk();
        assertThat(problem(vote(passing, unitToken(units.get(2)), units.get(2), "FOR").expectStatus().isEqualTo(409))
                .path("reason").asString()).isEqualTo("NOT_AN_ATTENDEE");
        vote(passing, unitToken(units.get(1)), units.get(0), "AGAINST").expectStatus().isForbidden();

        JsonNode passed = body(post("/api/motions/" + passing + "/close", admin, null).expectStatus().isOk());
        assertThat(passed.path("status").asString()).isEqualTo("PASSED");
        assertThat(passed.path("tally").toString()).isEqualTo(
                "{\"eligible\":4,\"present\":3,\"votesFor\":2,\"votesAgainst\":1,\"abstentions\":0}");
        vote(passing, unitToken(units.get(0)), units.get(0), "AGAINST").expectStatus().isEqualTo(409);

        JsonNode closed = body(post("/api/meetings/" + id + "/close", admin, null).expectStatus().isOk());
        assertThat(closed.path("closed").asBoolean()).isTrue();
        assertThat(closed.path("motions").findValuesAsString("status")).containsExactly("PASSED", "FAILED");
        assertThat(closed.path("motions").get(1).path("tally").path("votesFor").asInt()).isEqualTo(1);
        put("/api/meetings/" + id + "/minutes", admin, Map.of("text", "改写")).expectStatus().isEqualTo(409);
        post("/api/meetings/" + id + "/attendance", admin, Map.of("present", List.of(units.get(2))))
                .expectStatus().isEqualTo(409);
        post("/api/meetings/" + id + "/motions", admin, Map.of("agendaItem", 0, "text", "再议")).expectStatus().isEqualTo(409);
        post("/api/meetings/" + id + "/close", admin, null).expectStatus().isEqualTo(409);

        JsonNode read = get("/api/meetings/" + id, resident(committee.place().grid()));
        assertThat(read.path("minutes").asString()).isEqualTo("会议听取了上季度工作通报。");
        assertThat(read.path("excused").get(0).asString()).isEqualTo(units.get(2).toString());
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<ConsumerRecord<String, byte[]>> decided = events.settle(record ->
                    "org.gridgov.motion.decided.v1".equals(KafkaTopicReader.header(record, "ce_type"))
                            && KafkaTopicReader.value(record).contains(id), Duration.ofSeconds(3));
            assertThat(decided).hasSize(2);
            List<ConsumerRecord<String, byte[]>> closings = events.settle(record ->
                    "org.gridgov.meeting.closed.v1".equals(KafkaTopicReader.header(record, "ce_type"))
                            && KafkaTopicReader.value(record).contains(id), Duration.ofSeconds(1));
            assertThat(closings).hasSize(1);
            JsonNode data = json.readTree(KafkaTopicReader.value(closings.get(0)));
            assertThat(data.path("excusedUnitIds").get(0).asString()).isEqualTo(units.get(2).toString());
            assertThat(data.path("absentUnitIds")).isEmpty();
            assertThat(data.path("motionsPassed").asInt()).isEqualTo(1);
            assertThat(data.path("motionsFailed").asInt()).isEqualTo(1);
        }
    }

    @Test
    void without_a_quorum_present_a_motion_fails_however_those_present_voted() {
        Committee committee = committee(3, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        String id = body(post("/api/meetings", admin, joint(committee, List.of(), "联席会议")).expectStatus().isCreated())
                .path("id").asString();
        post("/api/meetings/" + id + "/attendance", admin, Map.of("present", List.of(committee.units().get(0))))
                .expectStatus().isOk();
        String motion = motion(id, admin, "同意");
        vote(motion, admin, committee.units().get(0), "FOR").expectStatus().isOk();

        JsonNode decided = body(post("/api/motions/" + motion + "/close", admin, null).expectStatus().isOk());

        assertThat(decided.path("status").asString()).isEqualTo("FAILED");
        assertThat(decided.path("tally").path("present").asInt()).isEqualTo(1);
        assertThat(decided.path("tally").path("eligible").asInt()).isEqualTo(3);
    }

    @Test
    void names_the_committee_does_not_know_and_bad_fields_are_refused_naming_the_field_and_nothing_is_scheduled() {
        Committee committee = committee(1, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        Map<String, Object> unknownUnit = Map.of("communityId", committee.community(), "kind", "JOINT", "title", "会",
                "scheduledAt", NEXT_WEEK.toString(), "place", "会议室",
                "agenda", List.of(Map.of("title", "议项目", "refKind", "PROJECT", "refId", UUID.randomUUID())),
                "invitees", Map.of("unitIds", List.of(committee.units().get(0), UUID.randomUUID())));

        JsonNode refused = problem(post("/api/meetings", admin, unknownUnit).expectStatus().isEqualTo(422));

        assertThat(refused.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("invitees.unitIds[1]", "agenda[0].refId");
        assertThat(get("/api/meetings?community=" + committee.community(), admin)).isEmpty();
        assertThat(problem(post("/api/meetings", admin, Map.of("communityId", committee.community(), "kind", "WEEKLY",
                "title", "会", "scheduledAt", NEXT_WEEK.toString(), "place", "室")).expectStatus().isBadRequest())
                .path("errors").findValuesAsString("field")).contains("kind");
        assertThat(problem(post("/api/meetings", admin, Map.of("communityId", committee.community(), "kind", "JOINT",
                "scheduledAt", NEXT_WEEK.toString(), "place", "室")).expectStatus().isBadRequest())
                .path("errors").findValuesAsString("field")).contains("title");
        String id = body(post("/api/meetings", admin, joint(committee, List.of(), "会")).expectStatus().isCreated())
                .path("id").asString();
        assertThat(problem(post("/api/meetings/" + id + "/motions", admin, Map.of("agendaItem", 9, "text", "x"))
                .expectStatus().isBadRequest()).path("errors").findValuesAsString("field")).containsExactly("agendaItem");
        assertThat(problem(post("/api/meetings/" + id + "/attendance", admin, Map.of("present", List.of(UUID.randomUUID())))
                .expectStatus().isBadRequest()).path("errors").findValuesAsString("field")).containsExactly("present[0]");
        assertThat(problem(web.get().uri("/api/meetings?community=" + committee.community() + "&from=2026-06-01T00:00:00Z"
                        + "&to=2026-01-01T00:00:00Z").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isBadRequest()).path("errors").findValuesAsString("field")).containsExactly("to");
    }

    @Test
    void grid_staff_call_a_briefing_of_their_own_grid_only_and_outsiders_do_not_see_meetings() {
        Committee committee = committee(1, 0);
        Committee other = committee(0, 0);
        String staff = admin("GRID_STAFF", committee.place().grid());
        Map<String, Object> briefing = Map.of("communityId", committee.community(), "gridId", committee.place().grid(),
                "kind", "GRID_BRIEFING", "title", "民情采集员意见碰头会", "scheduledAt", NEXT_WEEK.toString(), "place", "网格工作站");

        String id = body(post("/api/meetings", staff, briefing).expectStatus().isCreated()).path("id").asString();

        post("/api/meetings", admin("GRID_STAFF", other.place().grid()), briefing).expectStatus().isForbidden();
        post("/api/meetings", staff, joint(committee, List.of(), "联席会议")).expectStatus().isForbidden();
        post("/api/meetings", unitToken(committee.units().get(0)), joint(committee, List.of(), "联席会议"))
                .expectStatus().isForbidden();
        put("/api/meetings/" + id + "/minutes", staff, Map.of("text", "记录")).expectStatus().isOk();
        put("/api/meetings/" + id + "/minutes", admin("GRID_STAFF", other.place().grid()), Map.of("text", "x"))
                .expectStatus().isNotFound();
        web.get().uri("/api/meetings/" + id).headers(h -> h.setBearerAuth(resident(other.place().grid()))).exchange()
                .expectStatus().isNotFound();
        assertThat(get("/api/meetings?community=" + committee.community(), resident(committee.place().grid()))
                .findValuesAsString("id")).containsExactly(id);
    }

    @Test
    void a_repeated_request_with_the_same_idempotency_key_schedules_one_meeting() {
        Committee committee = committee(1, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        Map<String, Object> request = joint(committee, List.of(), "联席会议");

        String first = body(post("/api/meetings", admin, request, "meet-" + committee.community()).expectStatus().isCreated())
                .path("id").asString();
        String again = body(post("/api/meetings", admin, request, "meet-" + committee.community()).expectStatus().isCreated())
                .path("id").asString();

        assertThat(again).isEqualTo(first);
        assertThat(get("/api/meetings?community=" + committee.community(), admin)).hasSize(1);
    }

    private UUID member(Committee committee) {
        UUID member = feed.member(committee.community());
        awaitCount("select count(*) from member where id = :id", member, 1);
        return member;
    }

    private static String memberToken(UUID member) {
        return token(TokenRequest.of("member-" + member, "PARTY_MEMBER").withMember(member.toString()));
    }

    private static Map<String, Object> joint(Committee committee, List<UUID> members, String title) {
        return Map.of("communityId", committee.community(), "kind", "JOINT", "title", title,
                "scheduledAt", NEXT_WEEK.toString(), "place", "社区党群服务中心",
                "agenda", List.of(Map.of("title", "通报上季度工作", "refKind", "OTHER")),
                "invitees", Map.of("unitIds", committee.units(), "memberIds", members,
                        "departmentNames", List.of("街道城管科")));
    }

    private String motion(String meeting, String token, String text) {
        return body(post("/api/meetings/" + meeting + "/motions", token, Map.of("agendaItem", 0, "text", text))
                .expectStatus().isCreated()).path("id").asString();
    }

    private WebTestClient.ResponseSpec vote(String motion, String token, UUID voter, String choice) {
        return post("/api/motions/" + motion + "/votes", token, Map.of("voterId", voter, "choice", choice));
    }

    private WebTestClient.ResponseSpec put(String uri, String token, Object body) {
        return web.put().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private JsonNode problem(WebTestClient.ResponseSpec response) {
        return body(response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
