package org.gridgov.committee.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.committee.CommitteeIntegrationTest;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 四议两公开 through the API, on real PostgreSQL and Kafka: four steps by decided motions, then the two disclosures. */
class DeliberationIT extends CommitteeIntegrationTest {

    @Test
    void a_matter_taken_through_the_four_steps_in_order_is_resolved_and_both_disclosures_are_public() {
        Committee committee = committee(2, 1);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        String id = body(post("/api/deliberations", admin, Map.of("communityId", committee.community(), "title", "增设老年食堂",
                "description", "在社区党群服务中心一楼增设老年食堂", "needIds", List.of(committee.needs().get(0))))
                .expectStatus().isCreated()).path("id").asString();
        String[] open = decidedMotion(committee, admin, null);
        post("/api/deliberations/" + id + "/steps", admin, Map.of("meetingId", open[0], "motionId", open[1]))
                .expectStatus().isEqualTo(409);

        List<String> stages = List.of("PARTY_PROPOSAL", "TWO_COMMITTEES", "MEMBERS_ASSEMBLY", "RESIDENTS_RESOLUTION");
        JsonNode deliberation = null;
        for (String stage : stages) {
            assertThat(get("/api/deliberations/" + id, admin).path("nextStage").asString()).isEqualTo(stage);
            String[] passed = decidedMotion(committee, admin, "FOR");
            deliberation = body(post("/api/deliberations/" + id + "/steps", admin,
                    Map.of("meetingId", passed[0], "motionId", passed[1])).expectStatus().isOk());
        }
        assertThat(deliberation.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(deliberation.path("steps").findValuesAsString("stage")).containsExactlyElementsOf(stages);

        post("/api/deliberations/" + id + "/disclosures", admin, Map.of("kind", "IMPLEMENTATION_RESULT", "text", "已建成"))
                .expectStatus().isEqualTo(409);
        post("/api/deliberations/" + id + "/disclosures", admin, Map.of("kind", "RESOLUTION", "text", "决议：增设老年食堂"))
                .expectStatus().isCreated();
        post("/api/deliberations/" + id + "/disclosures", admin, Map.of("kind", "IMPLEMENTATION_RESULT", "text", "老年食堂已开业"))
                .expectStatus().isCreated();
        post("/api/deliberations/" + id + "/disclosures", admin, Map.of("kind", "RESOLUTION", "text", "再公开"))
                .expectStatus().isEqualTo(409);

        Committee elsewhere = committee(0, 0);
        String app = token(TokenRequest.of("app-" + UUID.randomUUID(), "CLIENT").withScope("wishes:read"));
        for (String reader : List.of(resident(elsewhere.place().grid()), app)) {
            JsonNode board = get("/api/disclosures?community=" + committee.community(), reader);
            assertThat(board.findValuesAsString("kind")).containsExactly("IMPLEMENTATION_RESULT", "RESOLUTION");
            assertThat(board.findValuesAsString("text")).containsExactly("老年食堂已开业", "决议：增设老年食堂");
        }
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<ConsumerRecord<String, byte[]>> disclosed = events.settle(record ->
                    "org.gridgov.disclosure.published.v1".equals(KafkaTopicReader.header(record, "ce_type"))
                            && KafkaTopicReader.value(record).contains(id), Duration.ofSeconds(3));
            assertThat(disclosed).hasSize(2);
        }
    }

    @Test
    void a_failed_motion_ends_the_deliberation_with_its_record() {
        Committee committee = committee(2, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        String id = body(post("/api/deliberations", admin, Map.of("communityId", committee.community(), "title", "拆除车棚",
                "description", "拆除3号楼车棚")).expectStatus().isCreated()).path("id").asString();
        String[] passed = decidedMotion(committee, admin, "FOR");
        post("/api/deliberations/" + id + "/steps", admin, Map.of("meetingId", passed[0], "motionId", passed[1]))
                .expectStatus().isOk();
        post("/api/deliberations/" + id + "/steps", admin, Map.of("meetingId", passed[0], "motionId", passed[1]))
                .expectStatus().isBadRequest();
        String[] failed = decidedMotion(committee, admin, "AGAINST");

        JsonNode ended = body(post("/api/deliberations/" + id + "/steps", admin,
                Map.of("meetingId", failed[0], "motionId", failed[1])).expectStatus().isOk());

        assertThat(ended.path("status").asString()).isEqualTo("FAILED");
        assertThat(ended.path("steps").get(1).path("stage").asString()).isEqualTo("TWO_COMMITTEES");
        assertThat(ended.path("steps").get(1).path("passed").asBoolean()).isFalse();
        String[] another = decidedMotion(committee, admin, "FOR");
        post("/api/deliberations/" + id + "/steps", admin, Map.of("meetingId", another[0], "motionId", another[1]))
                .expectStatus().isEqualTo(409);
        post("/api/deliberations/" + id + "/disclosures", admin, Map.of("kind", "RESOLUTION", "text", "x"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void unknown_needs_and_motions_of_other_meetings_are_refused_naming_the_field() {
        Committee committee = committee(2, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        JsonNode refused = body(post("/api/deliberations", admin, Map.of("communityId", committee.community(), "title", "t",
                "description", "d", "needIds", List.of(UUID.randomUUID()))).expectStatus().isEqualTo(422));
        assertThat(refused.path("errors").findValuesAsString("field")).containsExactly("needIds[0]");
        String id = body(post("/api/deliberations", admin, Map.of("communityId", committee.community(), "title", "t",
                "description", "d")).expectStatus().isCreated()).path("id").asString();
        String[] first = decidedMotion(committee, admin, "FOR");
        String[] second = decidedMotion(committee, admin, "FOR");

        JsonNode mismatch = body(post("/api/deliberations/" + id + "/steps", admin,
                Map.of("meetingId", second[0], "motionId", first[1])).expectStatus().isEqualTo(422));

        assertThat(mismatch.path("errors").findValuesAsString("field")).containsExactly("meetingId");
        post("/api/deliberations/" + id + "/steps", unitToken(committee.units().get(0)),
                Map.of("meetingId", first[0], "motionId", first[1])).expectStatus().isForbidden();
        assertThat(get("/api/deliberations/" + id, admin).path("steps")).isEmpty();
    }

    @Test
    void the_resolutions_projects_completed_disclose_the_implementation_result() {
        Committee committee = committee(2, 1);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        String id = body(post("/api/deliberations", admin, Map.of("communityId", committee.community(), "title", "加装电梯",
                "description", "为5号楼、6号楼加装电梯")).expectStatus().isCreated()).path("id").asString();
        JsonNode early = body(post("/api/projects", admin, project(committee, "5号楼加装电梯", id)).expectStatus().isEqualTo(409));
        assertThat(early.path("reason").asString()).isEqualTo("NOT_RESOLVED");
        resolve(committee, admin, id);
        Committee elsewhere = committee(0, 0);
        JsonNode foreign = body(post("/api/projects", admin("COMMUNITY_ADMIN", elsewhere.community()),
                project(elsewhere, "别处的电梯", id)).expectStatus().isEqualTo(422));
        assertThat(foreign.path("errors").findValuesAsString("field")).containsExactly("deliberationId");

        List<String> projects = List.of("5号楼加装电梯", "6号楼加装电梯").stream().map(title -> body(post("/api/projects", admin,
                project(committee, title, id)).expectStatus().isCreated()).path("id").asString()).toList();
        post("/api/deliberations/" + id + "/disclosures", admin, Map.of("kind", "RESOLUTION", "text", "决议：两栋楼加装电梯"))
                .expectStatus().isCreated();
        JsonNode byHand = body(post("/api/deliberations/" + id + "/disclosures", admin,
                Map.of("kind", "IMPLEMENTATION_RESULT", "text", "已完成")).expectStatus().isEqualTo(409));
        assertThat(byHand.path("reason").asString()).isEqualTo("PROJECTS_UNDER_WAY");

        carryOut(projects.get(0), committee.units().get(0));
        assertThat(get("/api/deliberations/" + id, admin).path("status").asString()).isEqualTo("RESOLUTION_DISCLOSED");
        carryOut(projects.get(1), committee.units().get(1));

        JsonNode carriedOut = get("/api/deliberations/" + id, admin);
        assertThat(carriedOut.path("status").asString()).isEqualTo("RESULT_DISCLOSED");
        assertThat(carriedOut.path("projects").findValuesAsString("status")).containsExactly("COMPLETED", "COMPLETED");
        JsonNode board = get("/api/disclosures?community=" + committee.community(), resident(committee.place().grid()));
        assertThat(board.findValuesAsString("kind")).containsExactly("IMPLEMENTATION_RESULT", "RESOLUTION");
        assertThat(board.get(0).path("text").asString()).contains("5号楼加装电梯 已完成", "6号楼加装电梯 已完成");
    }

    private static Map<String, Object> project(Committee committee, String title, String deliberationId) {
        return Map.of("communityId", committee.community(), "year", YEAR, "title", title, "category", "ELDERLY_CARE",
                "deliberationId", deliberationId);
    }

    private void resolve(Committee committee, String admin, String id) {
        for (int step = 0; step < 4; step++) {
            String[] passed = decidedMotion(committee, admin, "FOR");
            post("/api/deliberations/" + id + "/steps", admin, Map.of("meetingId", passed[0], "motionId", passed[1]))
                    .expectStatus().isOk();
        }
    }

    /** The unit takes the project from the opportunity list, signs for it and completes it. */
    private void carryOut(String project, UUID unit) {
        post("/api/projects/" + project + "/claim", unitToken(unit), null).expectStatus().isOk();
        post("/api/projects/" + project + "/agreement", unitToken(unit), Map.of("signatory", "王建国", "commitments", "按期完工",
                "milestones", List.of(Map.of("title", "竣工", "dueDate", YEAR + "-12-31")))).expectStatus().isCreated();
        post("/api/projects/" + project + "/completion", unitToken(unit), null).expectStatus().isOk();
    }

    /** A deliberation meeting of the committee's units, both present, with one motion; closed after they voted {@code choice}. */
    private String[] decidedMotion(Committee committee, String admin, String choice) {
        String meeting = body(post("/api/meetings", admin, Map.of("communityId", committee.community(),
                "kind", "DELIBERATION", "title", "议事会", "scheduledAt", Instant.now().toString(), "place", "会议室",
                "agenda", List.of(Map.of("title", "议题", "refKind", "OTHER")),
                "invitees", Map.of("unitIds", committee.units()))).expectStatus().isCreated()).path("id").asString();
        post("/api/meetings/" + meeting + "/attendance", admin, Map.of("present", committee.units())).expectStatus().isOk();
        String motion = body(post("/api/meetings/" + meeting + "/motions", admin, Map.of("agendaItem", 0, "text", "动议"))
                .expectStatus().isCreated()).path("id").asString();
        if (choice != null) {
            for (UUID unit : committee.units()) {
                post("/api/motions/" + motion + "/votes", admin, Map.of("voterId", unit, "choice", choice)).expectStatus().isOk();
            }
            post("/api/motions/" + motion + "/close", admin, null).expectStatus().isOk();
        }
        return new String[] {meeting, motion};
    }
}
