package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.gridgov.infra.TokenRequest;
import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19's meetings through the gateway, on the whole platform: the community's quarterly joint meeting invites
 * its member units and a party member (known to the committee from member-service's events), records who came,
 * takes its minutes, passes one motion and fails another by the votes of those present, and is closed; a resident
 * of the community reads the record, which no longer changes.
 */
class MeetingsIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void a_quarterly_joint_meeting_with_attendance_minutes_and_a_passed_and_a_failed_motion() {
        SystemPlatform platform = SystemPlatform.shared();
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        ApiClient admin = community.admin();
        List<String> units = List.of(community.joinUnit("会议测试单位甲"), community.joinUnit("会议测试单位乙"),
                community.joinUnit("会议测试单位丙"));
        String member = community.registerMember("会议测试党员");

        // scheduled once the committee has heard of the units and the party member
        JsonNode meeting = TestCommunity.onceKnown(admin, "/api/meetings", json(Map.of("communityId", community.id(),
                "kind", "JOINT", "title", "第二季度联席会议", "scheduledAt",
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(), "place", "党群服务中心",
                "agenda", List.of(Map.of("title", "增设老年食堂", "refKind", "OTHER"), Map.of("title", "拆除车棚", "refKind", "OTHER")),
                "invitees", Map.of("unitIds", units, "memberIds", List.of(member), "departmentNames", List.of("街道城管科")))))
                .expect(201).json();
        String id = meeting.path("id").asString();

        admin.post("/api/meetings/" + id + "/attendance", json(Map.of("present", List.of(units.get(0), units.get(1), member),
                "excused", List.of(units.get(2))))).expect(200);
        admin.put("/api/meetings/" + id + "/minutes", json(Map.of("text", "会议讨论了老年食堂和车棚两项议题。"))).expect(200);
        String canteen = admin.post("/api/meetings/" + id + "/motions", json(Map.of("agendaItem", 0, "text", "同意增设老年食堂")))
                .expect(201).field("id");
        String shed = admin.post("/api/meetings/" + id + "/motions", json(Map.of("agendaItem", 1, "text", "同意拆除车棚")))
                .expect(201).field("id");
        vote(community.unit(units.get(0)), canteen, units.get(0), "FOR");
        vote(community.unit(units.get(1)), canteen, units.get(1), "FOR");
        vote(community.partyMember(member), canteen, member, "AGAINST");
        vote(community.unit(units.get(0)), shed, units.get(0), "FOR");
        vote(community.unit(units.get(0)), shed, units.get(0), "AGAINST");
        vote(community.unit(units.get(1)), shed, units.get(1), "AGAINST");
        vote(admin, shed, member, "FOR");
        assertThat(community.unit(units.get(2)).post("/api/motions/" + canteen + "/votes",
                json(Map.of("voterId", units.get(2), "choice", "FOR"))).expect(409).json().path("reason").asString())
                .isEqualTo("NOT_AN_ATTENDEE");

        JsonNode passed = admin.post("/api/motions/" + canteen + "/close", null).expect(200).json();
        JsonNode closed = admin.post("/api/meetings/" + id + "/close", null).expect(200).json();

        assertThat(passed.path("status").asString()).isEqualTo("PASSED");
        assertThat(passed.path("tally").path("votesFor").asInt()).isEqualTo(2);
        assertThat(closed.path("motions").findValuesAsString("status")).containsExactly("PASSED", "FAILED");
        assertThat(closed.path("motions").get(1).path("tally").path("votesAgainst").asInt()).isEqualTo(2);
        admin.put("/api/meetings/" + id + "/minutes", json(Map.of("text", "改写"))).expect(409);
        JsonNode read = platform.as(TokenRequest.of("meeting-resident", "RESIDENT")
                .withJurisdiction(community.grids().get(0).id())).get("/api/meetings/" + id).expect(200).json();
        assertThat(read.path("minutes").asString()).isEqualTo("会议讨论了老年食堂和车棚两项议题。");
        assertThat(read.path("present")).hasSize(3);
        assertThat(read.path("closed").asBoolean()).isTrue();
    }

    @Test
    void a_deliberation_taken_through_the_four_steps_and_both_disclosures_which_a_resident_reads() {
        SystemPlatform platform = SystemPlatform.shared();
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        ApiClient admin = community.admin();
        List<String> units = List.of(community.joinUnit("议事测试单位甲"), community.joinUnit("议事测试单位乙"));

        // opened once the committee has heard of the community
        String id = TestCommunity.onceKnown(admin, "/api/deliberations", json(Map.of("communityId", community.id(),
                "title", "增设老年食堂", "description", "在社区党群服务中心一楼增设老年食堂"))).expect(201).field("id");
        List<String> stages = List.of("PARTY_PROPOSAL", "TWO_COMMITTEES", "MEMBERS_ASSEMBLY", "RESIDENTS_RESOLUTION");
        JsonNode deliberation = null;
        for (String stage : stages) {
            assertThat(admin.get("/api/deliberations/" + id).expect(200).json().path("nextStage").asString()).isEqualTo(stage);
            String[] passed = passedMotion(community, admin, units);
            deliberation = admin.post("/api/deliberations/" + id + "/steps", json(Map.of("meetingId", passed[0],
                    "motionId", passed[1]))).expect(200).json();
        }
        assertThat(deliberation.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(deliberation.path("steps").findValuesAsString("stage")).containsExactlyElementsOf(stages);

        admin.post("/api/deliberations/" + id + "/disclosures", json(Map.of("kind", "IMPLEMENTATION_RESULT",
                "text", "老年食堂已开业"))).expect(409);
        admin.post("/api/deliberations/" + id + "/disclosures", json(Map.of("kind", "RESOLUTION",
                "text", "决议：在党群服务中心一楼增设老年食堂"))).expect(201);
        admin.post("/api/deliberations/" + id + "/disclosures", json(Map.of("kind", "IMPLEMENTATION_RESULT",
                "text", "老年食堂已于本月开业，每日供应午餐"))).expect(201);
        assertThat(admin.post("/api/deliberations/" + id + "/disclosures", json(Map.of("kind", "BULLETIN", "text", "x")))
                .expect(400).isProblem()).isTrue();

        JsonNode board = platform.as(TokenRequest.of("deliberation-resident", "RESIDENT")
                .withJurisdiction(community.grids().get(0).id())).get("/api/disclosures?community=" + community.id())
                .expect(200).json();
        assertThat(board.findValuesAsString("kind")).containsExactly("IMPLEMENTATION_RESULT", "RESOLUTION");
        assertThat(board.findValuesAsString("text")).containsExactly("老年食堂已于本月开业，每日供应午餐",
                "决议：在党群服务中心一楼增设老年食堂");
    }

    /** A deliberation meeting of the units (once the committee has heard of them), both present, passing its one motion. */
    private static String[] passedMotion(TestCommunity community, ApiClient admin, List<String> units) {
        String meeting = TestCommunity.onceKnown(admin, "/api/meetings", json(Map.of("communityId", community.id(), "kind", "DELIBERATION",
                "title", "议事会", "scheduledAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "place", "会议室",
                "agenda", List.of(Map.of("title", "增设老年食堂", "refKind", "OTHER")),
                "invitees", Map.of("unitIds", units)))).expect(201).field("id");
        admin.post("/api/meetings/" + meeting + "/attendance", json(Map.of("present", units))).expect(200);
        String motion = admin.post("/api/meetings/" + meeting + "/motions", json(Map.of("agendaItem", 0,
                "text", "同意增设老年食堂"))).expect(201).field("id");
        for (String unit : units) {
            vote(community.unit(unit), motion, unit, "FOR");
        }
        admin.post("/api/motions/" + motion + "/close", null).expect(200);
        return new String[] {meeting, motion};
    }

    private static void vote(ApiClient voter, String motion, String voterId, String choice) {
        voter.post("/api/motions/" + motion + "/votes", json(Map.of("voterId", voterId, "choice", choice))).expect(200);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
