package org.gridgov.fieldwork.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.fieldwork.FieldworkIntegrationTest;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Emergency operations (战时攻坚) on real PostgreSQL and Kafka: opened by the community's admin, calling out the
 * in-service party members who reported in (双报到) and the member units offering the category nearby, their reports
 * in, tasks for the groups, the live roll call, and the close crediting the arrived members' hours once.
 */
@Import(TestClock.Config.class)
class OperationIT extends FieldworkIntegrationTest {

    @Autowired
    TestClock clock;

    private static String member(UUID memberId) {
        return token(TokenRequest.of("member-" + memberId, "PARTY_MEMBER").withMember(memberId.toString()));
    }

    private static String unit(UUID unitId) {
        return token(TokenRequest.of("unit-staff-" + unitId, "UNIT").withUnit(unitId.toString()));
    }

    private UUID inServiceMember(UUID community, boolean dualReported) {
        UUID member = UUID.randomUUID();
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", member.toString(), "kind", "IN_SERVICE",
                "communityId", community.toString(), "occurredAt", Instant.now().toString()));
        if (dualReported) {
            publish(EventType.MEMBER_DUAL_REPORTED, Map.of("memberId", member.toString(), "communityId", community.toString(),
                    "workUnit", "区水务局", "occurredAt", Instant.now().toString()));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> db.sql(
                "select count(*) from callable_member where member_id = :id and dual_reported = :reported")
                .bind("id", member).bind("reported", dualReported).map(row -> row.get(0, Long.class)).one().block() == 1);
        return member;
    }

    private UUID unitOffering(UUID community, String category, UUID area) {
        UUID unit = UUID.randomUUID();
        publish(EventType.UNIT_JOINED, Map.of("unitId", unit.toString(), "name", "物业公司-" + unit.toString().substring(0, 4),
                "kind", "ENTERPRISE", "communityIds", List.of(community.toString()), "occurredAt", Instant.now().toString()));
        publish(EventType.RESOURCE_LIST_PUBLISHED, Map.of("unitId", unit.toString(), "period", "2026", "version", 1,
                "items", List.of(Map.of("itemId", UUID.randomUUID().toString(), "category", category, "title", "抢险队",
                        "capacity", 10, "area", List.of(area.toString()))), "occurredAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> db.sql(
                "select count(*) from callable_unit_resource where unit_id = :id").bind("id", unit)
                .map(row -> row.get(0, Long.class)).one().block() == 1);
        return unit;
    }

    /** The operation's events on fieldwork.events: their types and data. */
    private record Published(String type, JsonNode data) {
    }

    private List<Published> eventsOf(UUID operation, int expected) {
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<Published> found = events.settle(record -> operation.toString().equals(record.key()), Duration.ofSeconds(3))
                    .stream().map(record -> new Published(KafkaTopicReader.header(record, "ce_type"),
                            json.readTree(KafkaTopicReader.value(record)))).toList();
            assertThat(found).hasSize(expected);
            return found;
        }
    }

    @Test
    void an_operation_calls_out_members_and_units_who_report_in_and_closing_credits_the_arrived_hours_once() {
        clock.set(Instant.parse("2026-07-12T08:00:00Z"));
        Place place = place();
        Place elsewhere = place();
        String admin = as("COMMUNITY_ADMIN", place.community());
        UUID called = inServiceMember(place.community(), true);
        UUID notReported = inServiceMember(place.community(), false);
        UUID otherCommunity = inServiceMember(elsewhere.community(), true);
        UUID resident = partyMemberOf(place.community(), place.grid());
        UUID rescuers = unitOffering(place.community(), "SAFETY", place.community());
        UUID teachers = unitOffering(place.community(), "EDUCATION", place.community());
        UUID farAway = unitOffering(elsewhere.community(), "SAFETY", elsewhere.community());

        Map<String, Object> open = Map.of("scopeNodeId", place.community(), "kind", "FLOOD", "title", "汛期防汛",
                "taskGroups", List.of(Map.of("name", "巡堤组", "leadMemberId", called), Map.of("name", "转移组")));
        assertThat(fieldOf(post("/api/operations", admin, Map.of("scopeNodeId", UUID.randomUUID(), "kind", "FLOOD",
                "title", "汛期防汛", "taskGroups", List.of(Map.of("name", "巡堤组")))).expectStatus().isBadRequest()))
                .isEqualTo("scopeNodeId");
        assertThat(fieldOf(post("/api/operations", admin, Map.of("scopeNodeId", place.community(), "kind", "STORM",
                "title", "汛期防汛", "taskGroups", List.of(Map.of("name", "巡堤组")))).expectStatus().isBadRequest()))
                .isEqualTo("kind");
        assertThat(fieldOf(post("/api/operations", admin, Map.of("scopeNodeId", place.community(), "kind", "FLOOD",
                "title", "汛期防汛", "taskGroups", List.of(Map.of("name", "巡堤组"), Map.of("name", "巡堤组"))))
                .expectStatus().isBadRequest())).isEqualTo("taskGroups[1].name");
        assertThat(fieldOf(post("/api/operations", admin, Map.of("scopeNodeId", place.community(), "kind", "FLOOD",
                "title", "汛期防汛", "taskGroups", List.of(Map.of("name", "巡堤组", "leadMemberId", UUID.randomUUID()))))
                .expectStatus().isBadRequest())).isEqualTo("taskGroups[0].leadMemberId");
        post("/api/operations", as("GRID_STAFF", place.grid()), open).expectStatus().isForbidden();
        post("/api/operations", as("COMMUNITY_ADMIN", elsewhere.community()), open).expectStatus().isForbidden();

        String key = UUID.randomUUID().toString();
        JsonNode opened = body(post("/api/operations", admin, open, key).expectStatus().isCreated());
        UUID id = UUID.fromString(opened.path("id").asString());
        assertThat(opened.path("status").asString()).isEqualTo("OPEN");
        post("/api/operations", admin, open, key).expectStatus().isCreated().expectHeader()
                .valueEquals("Idempotent-Replayed", "true");
        assertThat(get("/api/operations?node=" + place.community(), admin)).extracting(o -> o.path("id").asString())
                .containsExactly(id.toString());
        getting("/api/operations/" + id, member(called)).expectStatus().isNotFound();
        assertThat(get("/api/operations/" + id, as("GRID_STAFF", place.grid())).path("title").asString()).isEqualTo("汛期防汛");
        getting("/api/operations/" + id, as("GRID_STAFF", elsewhere.grid())).expectStatus().isNotFound();
        getting("/api/operations/" + id + "/roll-call", as("COMMUNITY_ADMIN", elsewhere.community())).expectStatus().isNotFound();

        // the default call-out: in-service members who reported in to the community, nobody else
        String callKey = UUID.randomUUID().toString();
        JsonNode members = body(post("/api/operations/" + id + "/call-outs", admin, Map.of("groupName", "巡堤组"), callKey)
                .expectStatus().isCreated());
        assertThat(members.path("memberIds")).extracting(JsonNode::asString).containsExactly(called.toString());
        post("/api/operations/" + id + "/call-outs", admin, Map.of("groupName", "巡堤组"), callKey).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(body(post("/api/operations/" + id + "/call-outs", admin, Map.of()).expectStatus().isEqualTo(409))
                .path("detail").asString()).contains("Nobody");
        assertThat(fieldOf(post("/api/operations/" + id + "/call-outs", admin, Map.of("groupName", "消防组"))
                .expectStatus().isBadRequest())).isEqualTo("groupName");
        assertThat(fieldOf(post("/api/operations/" + id + "/call-outs", admin, Map.of("unitIds", List.of(UUID.randomUUID())))
                .expectStatus().isBadRequest())).isEqualTo("unitIds[0]");
        assertThat(fieldOf(post("/api/operations/" + id + "/call-outs", admin, Map.of("memberKinds", List.of("SOLDIER")))
                .expectStatus().isBadRequest())).isEqualTo("memberKinds[0]");
        post("/api/operations/" + id + "/call-outs", as("GRID_STAFF", place.grid()), Map.of()).expectStatus().isForbidden();

        // units offering the category in the community, to the other group
        JsonNode units = body(post("/api/operations/" + id + "/call-outs", admin,
                Map.of("categories", List.of("SAFETY"), "groupName", "转移组")).expectStatus().isCreated());
        assertThat(units.path("unitIds")).extracting(JsonNode::asString).containsExactly(rescuers.toString());
        assertThat(units.path("memberIds")).isEmpty();

        // reports in, from the called only
        post("/api/operations/" + id + "/reports", member(called), Map.of("status", "ON_THE_WAY")).expectStatus().isOk();
        assertThat(fieldOf(post("/api/operations/" + id + "/reports", member(called), Map.of("status", "LATE"))
                .expectStatus().isBadRequest())).isEqualTo("status");
        post("/api/operations/" + id + "/reports", member(resident), Map.of("status", "ARRIVED")).expectStatus().isNotFound();
        post("/api/operations/" + id + "/reports", as("GRID_STAFF", place.grid()), Map.of("status", "ARRIVED"))
                .expectStatus().isForbidden();
        post("/api/operations/" + id + "/reports", unit(rescuers), Map.of("status", "ARRIVED")).expectStatus().isOk();
        JsonNode rollCall = get("/api/operations/" + id + "/roll-call", admin);
        assertThat(rollCall.path("total").path("called").asInt()).isEqualTo(2);
        assertThat(rollCall.path("total").path("acknowledged").asInt()).isEqualTo(2);
        assertThat(rollCall.path("total").path("arrived").asInt()).isEqualTo(1);

        clock.set(Instant.parse("2026-07-12T09:00:00Z"));
        post("/api/operations/" + id + "/reports", member(called), Map.of("status", "ARRIVED")).expectStatus().isOk();
        post("/api/operations/" + id + "/reports", member(called), Map.of("status", "ON_THE_WAY")).expectStatus().isEqualTo(409);

        assertThat(fieldOf(post("/api/operations/" + id + "/tasks", admin, Map.of("groupName", "消防组", "text", "巡查河堤"))
                .expectStatus().isBadRequest())).isEqualTo("groupName");
        post("/api/operations/" + id + "/tasks", admin, Map.of("groupName", "巡堤组", "text", "每两小时巡查一次河堤"))
                .expectStatus().isCreated();
        JsonNode seenByMember = get("/api/operations/" + id, member(called));
        assertThat(seenByMember.path("tasks").get(0).path("text").asString()).isEqualTo("每两小时巡查一次河堤");
        assertThat(get("/api/operations", unit(rescuers))).extracting(o -> o.path("id").asString()).containsExactly(id.toString());

        rollCall = get("/api/operations/" + id + "/roll-call", member(called));
        assertThat(rollCall.path("total").path("arrived").asInt()).isEqualTo(2);
        assertThat(rollCall.path("groups")).extracting(g -> g.path("name").asString() + ":" + g.path("count").path("arrived").asInt())
                .containsExactly("巡堤组:1", "转移组:1");

        // the close: the member who arrived at 09:00 served until 15:40 — six and a half hours, credited once
        clock.set(Instant.parse("2026-07-12T15:40:00Z"));
        post("/api/operations/" + id + "/close", member(called), null).expectStatus().isForbidden();
        String closeKey = UUID.randomUUID().toString();
        JsonNode closed = body(post("/api/operations/" + id + "/close", admin, null, closeKey).expectStatus().isOk());
        assertThat(closed.path("credits")).hasSize(1);
        assertThat(closed.path("credits").get(0).path("memberId").asString()).isEqualTo(called.toString());
        assertThat(closed.path("credits").get(0).path("hours").decimalValue()).isEqualByComparingTo("6.5");
        post("/api/operations/" + id + "/close", admin, null, closeKey).expectStatus().isOk().expectHeader()
                .valueEquals("Idempotent-Replayed", "true");
        post("/api/operations/" + id + "/close", admin, null).expectStatus().isEqualTo(409);
        post("/api/operations/" + id + "/reports", unit(rescuers), Map.of("status", "UNAVAILABLE")).expectStatus().isEqualTo(409);

        List<Published> events = eventsOf(id, 4);
        assertThat(events).extracting(Published::type).containsExactly("org.gridgov.operation.opened.v1",
                "org.gridgov.operation.called-out.v1", "org.gridgov.operation.called-out.v1", "org.gridgov.operation.closed.v1");
        JsonNode calledOut = events.get(1).data();
        assertThat(calledOut.path("memberIds")).extracting(JsonNode::asString).containsExactly(called.toString());
        assertThat(calledOut.path("unitIds")).isEmpty();
        assertThat(calledOut.path("title").asString()).isEqualTo("汛期防汛");
        assertThat(events.get(2).data().path("unitIds")).extracting(JsonNode::asString).containsExactly(rescuers.toString());
        assertThat(events.get(3).data().path("credits")).hasSize(1);
        assertThat(List.of(notReported, otherCommunity, teachers, farAway)).allSatisfy(other ->
                assertThat(events.toString()).doesNotContain(other.toString()));
    }
}
