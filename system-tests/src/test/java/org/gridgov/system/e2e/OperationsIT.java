package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's emergency operation (战时攻坚) through the gateway, on the whole platform: the community's admin opens a
 * flood operation, calls out the in-service party member who reported in (双报到, known to fieldwork-service from
 * member-service's events) and the member unit offering SAFETY, both report in, the roll call counts them per task
 * group, and the close credits the member's hours in member-service exactly once.
 */
class OperationsIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void an_operation_calls_out_a_member_and_a_unit_who_report_in_and_its_close_credits_the_hours_once() {
        SystemPlatform platform = SystemPlatform.shared();
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        ApiClient admin = community.admin();
        String unit = community.joinUnitWithContact("防汛测试单位", "13698760002", "SAFETY");
        String member = TestCommunity.onceKnown(admin, "/api/members", json(Map.of("name", "防汛测试党员",
                "kind", "IN_SERVICE", "communityId", community.id(), "phone", "13712340001"))).expect(201).field("id");
        admin.post("/api/members/" + member + "/dual-report", json(Map.of("communityId", community.id(),
                "workUnit", "区水务局"))).expect(200, 201);

        // opened once fieldwork-service knows the community from grid.events
        JsonNode operation = TestCommunity.onceKnown(admin, "/api/operations", json(Map.of("scopeNodeId", community.id(),
                "kind", "FLOOD", "title", "汛期防汛演练", "taskGroups", List.of(Map.of("name", "巡堤组"), Map.of("name", "转移组")))))
                .expect(201).json();
        String path = "/api/operations/" + operation.path("id").asString();

        // the member is in their quiet hours: an emergency call-out is told at once all the same
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        community.partyMember(member).put("/api/me/notification-preferences", json(Map.of("channels", List.of("SMS"),
                "quietHours", Map.of("from", now.minusHours(1).format(hhmm), "to", now.plusHours(2).format(hhmm))))).expect(200);

        // the member and the unit are called once fieldwork-service heard of them from member.events
        JsonNode members = calledOnceKnown(admin, path + "/call-outs", Map.of("groupName", "巡堤组"));
        assertThat(members.path("memberIds")).extracting(JsonNode::asString).containsExactly(member);
        JsonNode units = calledOnceKnown(admin, path + "/call-outs", Map.of("groupName", "转移组", "categories", List.of("SAFETY")));
        assertThat(units.path("unitIds")).extracting(JsonNode::asString).containsExactly(unit);
        // told at once by text (urgent: in quiet hours too), the phones read from member-service at send time
        List<JsonNode> texts = Convergence.eventually(Duration.ofMinutes(2),
                () -> texts(platform, operation.path("id").asString()), told -> told.size() >= 2);
        assertThat(texts).extracting(line -> line.path("to").asString()).containsExactlyInAnyOrder("137******01", "136******02");
        assertThat(texts).allSatisfy(line -> assertThat(line.path("text").asString()).contains("紧急召集", "汛期防汛演练"));

        ApiClient partyMember = community.partyMember(member);
        assertThat(partyMember.get("/api/operations").expect(200).json()).extracting(o -> o.path("id").asString())
                .containsExactly(operation.path("id").asString());
        partyMember.post(path + "/reports", json(Map.of("status", "ON_THE_WAY"))).expect(200);
        assertThat(admin.get(path + "/roll-call").expect(200).json().path("total").path("acknowledged").asInt()).isEqualTo(1);
        partyMember.post(path + "/reports", json(Map.of("status", "ARRIVED"))).expect(200);
        community.unit(unit).post(path + "/reports", json(Map.of("status", "ARRIVED"))).expect(200);
        assertThat(community.resident("operations-resident").post(path + "/reports", json(Map.of("status", "ARRIVED")))
                .expect(403).isProblem()).isTrue();
        assertThat(admin.post(path + "/tasks", json(Map.of("groupName", "巡堤组", "text", "巡查河堤"))).expect(201)
                .json().path("groupName").asString()).isEqualTo("巡堤组");

        JsonNode rollCall = admin.get(path + "/roll-call").expect(200).json();
        assertThat(rollCall.path("total").path("called").asInt()).isEqualTo(2);
        assertThat(rollCall.path("total").path("arrived").asInt()).isEqualTo(2);
        assertThat(rollCall.path("groups")).extracting(g -> g.path("name").asString() + ":" + g.path("count").path("arrived").asInt())
                .containsExactly("巡堤组:1", "转移组:1");

        String closeKey = UUID.randomUUID().toString();
        JsonNode closed = admin.post(path + "/close", null, closeKey).expect(200).json();
        assertThat(closed.path("credits")).singleElement().satisfies(credit -> {
            assertThat(credit.path("memberId").asString()).isEqualTo(member);
            assertThat(credit.path("hours").decimalValue()).isEqualByComparingTo("0.5");
        });
        assertThat(admin.post(path + "/close", null, closeKey).expect(200).headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        admin.post(path + "/close", null).expect(409);

        JsonNode records = Convergence.eventually(Duration.ofMinutes(2), () -> admin.get("/api/members/" + member
                + "/service-records").expect(200).json(), found -> found.path("items").size() > 0);
        assertThat(records.path("items")).as("the operation's hours, credited once").singleElement().satisfies(record -> {
            assertThat(record.path("activity").asString()).isEqualTo("战时攻坚：汛期防汛演练");
            assertThat(record.path("status").asString()).isEqualTo("APPROVED");
            assertThat(record.path("hours").decimalValue()).isEqualByComparingTo("0.5");
        });
        assertThat(partyMember.get("/api/points/accounts/" + member).expect(200).json().path("balance").asLong())
                .as("0.5 hours of service at 10 points an hour").isEqualTo(5);
    }

    /** A call-out, repeated (under fresh keys) while fieldwork-service has not yet heard of whom it is to call. */
    private static JsonNode calledOnceKnown(ApiClient admin, String path, Map<String, Object> body) {
        ApiResponse response = Convergence.eventually(Duration.ofSeconds(90), () -> admin.post(path, json(body)),
                reply -> reply.status() != 409);
        return response.expect(201).json();
    }

    /** The text messages apps-service's recording channel wrote about this subject. */
    private static List<JsonNode> texts(SystemPlatform platform, String subject) {
        try {
            Path recorded = platform.recordedTextMessages();
            return !Files.exists(recorded) ? List.of() : Files.readAllLines(recorded, StandardCharsets.UTF_8).stream()
                    .map(JSON::readTree).filter(line -> subject.equals(line.path("subject").asString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
