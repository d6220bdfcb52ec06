package org.gridgov.apps.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.apps.AppsIntegrationTest;
import org.gridgov.contracts.EventType;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.events.CloudEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;

/** The in-app inbox fed by other services' events: who is told of what, once, in zh-CN. */
class NotificationsIT extends AppsIntegrationTest {

    @Autowired
    private NotificationCentre centre;

    @Autowired
    private TransactionalOperator tx;

    @Test
    void the_resident_hears_of_every_step_of_their_wish_and_the_grid_and_the_unit_of_theirs() {
        Neighbourhood n = neighbourhood();
        UUID unit = UUID.randomUUID();
        UUID wish = submit(n);
        String resident = token(TokenRequest.of("resident-" + wish, "RESIDENT"));
        String staff = token(TokenRequest.of("staff-" + n.grid(), "GRID_STAFF").withJurisdiction(n.grid().toString()));
        String unitUser = token(TokenRequest.of("unit-user-" + unit, "UNIT").withUnit(unit.toString()));

        publish(EventType.WISH_DISPATCHED, Map.of("wishId", wish.toString(), "actor", actor("staff", "GRID_STAFF"),
                "occurredAt", clock.instant().toString(), "status", "DISPATCHED", "candidateUnits", List.of(unit.toString())));
        publish(EventType.WISH_CLAIMED, Map.of("wishId", wish.toString(), "actor", actor("unit-user", "UNIT"),
                "occurredAt", clock.instant().toString(), "status", "CLAIMED", "claimer", Map.of("kind", "UNIT", "id", unit.toString())));
        publish(EventType.WISH_FULFILLED, Map.of("wishId", wish.toString(), "actor", actor("unit-user", "UNIT"),
                "occurredAt", clock.instant().toString(), "status", "FULFILLED", "claimer", Map.of("kind", "UNIT", "id", unit.toString())));

        JsonNode mine = awaitInbox(resident, "", 4);
        assertThat(kinds(mine)).containsExactly("wish-fulfilled-resident", "wish-claimed-resident", "wish-dispatched-resident",
                "wish-submitted-resident");
        assertThat(mine.get(3).get("text").asString()).isEqualTo("您的微心愿「帮独居老人买菜」已提交，网格员将尽快处理。");
        assertThat(mine.get(0).get("text").asString()).contains("请对服务进行评价");
        assertThat(mine.get(0).get("subject").asString()).isEqualTo(wish.toString());
        assertThat(kinds(awaitInbox(staff, "", 1))).containsExactly("wish-submitted-grid");
        assertThat(kinds(awaitInbox(unitUser, "", 2))).containsExactly("wish-claimed-claimer", "wish-dispatched-candidate");
        // somebody else's wish is not in this resident's inbox, nor this grid's in another grid's staff's
        assertThat(inbox(token(TokenRequest.of("resident-" + UUID.randomUUID(), "RESIDENT")), "")).isEmpty();
        assertThat(inbox(token(TokenRequest.of("staff-x", "GRID_STAFF").withJurisdiction(UUID.randomUUID().toString())), "")).isEmpty();
    }

    @Test
    void a_redelivered_event_tells_nobody_twice_and_read_notices_leave_the_unread_list() {
        Neighbourhood n = neighbourhood();
        UUID wish = submit(n);
        String resident = token(TokenRequest.of("resident-" + wish, "RESIDENT"));
        CloudEvent rejected = publish(EventType.WISH_REJECTED, Map.of("wishId", wish.toString(),
                "actor", actor("staff", "GRID_STAFF"), "occurredAt", clock.instant().toString(), "status", "REJECTED",
                "reason", "不属于微心愿范围"));
        awaitInbox(resident, "", 2);

        resend(EventType.WISH_REJECTED, rejected);
        resend(EventType.WISH_REJECTED, rejected);
        // a later event shows the redeliveries were consumed before it
        publish(EventType.WISH_CANCELLED, Map.of("wishId", wish.toString(), "actor", actor("resident-" + wish, "RESIDENT"),
                "occurredAt", clock.instant().toString(), "status", "CANCELLED"));
        JsonNode all = awaitInbox(resident, "", 3);
        assertThat(kinds(all)).containsExactly("wish-cancelled-resident", "wish-rejected-resident", "wish-submitted-resident");
        assertThat(all.get(1).get("text").asString()).isEqualTo("很抱歉，您的微心愿未被受理：不属于微心愿范围");

        String id = all.get(1).get("id").asString();
        post(token(TokenRequest.of("resident-other", "RESIDENT")), "/api/me/notifications/" + id + "/read", null, null)
                .expectStatus().isNotFound();
        post(resident, "/api/me/notifications/" + id + "/read", null, null).expectStatus().isNoContent();
        post(resident, "/api/me/notifications/" + id + "/read", null, null).expectStatus().isNoContent();

        assertThat(kinds(inbox(resident, "?unread=true"))).containsExactly("wish-cancelled-resident", "wish-submitted-resident");
        assertThat(inbox(resident, "?unread=false")).hasSize(3);
        get(resident, "/api/me/notifications?unread=perhaps").expectStatus().isBadRequest();
        post(resident, "/api/me/notifications/" + UUID.randomUUID() + "/read", null, null).expectStatus().isNotFound();
        post(resident, "/api/me/notifications/not-an-id/read", null, null).expectStatus().isBadRequest();
    }

    @Test
    void a_batch_with_a_wish_submitted_and_claimed_tells_the_resident_of_both_and_applied_again_tells_nobody_twice() {
        Neighbourhood n = neighbourhood();
        UUID wish = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        String resident = token(TokenRequest.of("resident-" + wish, "RESIDENT"));
        // as one poll of wish.events brings them: the claim names no resident, the submission before it does
        List<CloudEvent> batch = List.of(event(EventType.WISH_SUBMITTED, submitted(n, wish)),
                event(EventType.WISH_CLAIMED, Map.of("wishId", wish.toString(), "actor", actor("unit-user", "UNIT"),
                        "occurredAt", clock.instant().toString(), "status", "CLAIMED",
                        "claimer", Map.of("kind", "UNIT", "id", unit.toString()))));

        centre.handleAll(batch).as(tx::transactional).block();
        centre.handleAll(batch).as(tx::transactional).block();

        assertThat(kinds(awaitInbox(resident, "", 2))).containsExactlyInAnyOrder("wish-claimed-resident", "wish-submitted-resident");
        assertThat(kinds(awaitInbox(token(TokenRequest.of("unit-user-" + unit, "UNIT").withUnit(unit.toString())), "", 1)))
                .containsExactly("wish-claimed-claimer");
        assertThat(kinds(inbox(token(TokenRequest.of("staff-" + n.grid(), "GRID_STAFF").withJurisdiction(n.grid().toString())), "")))
                .containsExactly("wish-submitted-grid");
    }

    @Test
    void departments_hear_of_cases_referred_to_them_and_units_of_overdue_milestones() {
        Neighbourhood n = neighbourhood();
        UUID department = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID kase = UUID.randomUUID();
        publish(EventType.CASE_STATUS_CHANGED, Map.of("caseId", kase.toString(), "communityId", n.community().toString(),
                "status", "REFERRED", "previousStatus", "FILED", "departmentId", department.toString(), "reworkCount", 0,
                "occurredAt", clock.instant().toString()));
        publish(EventType.PROJECT_MILESTONE_OVERDUE, Map.of("projectId", UUID.randomUUID().toString(), "communityId",
                n.community().toString(), "year", 2026, "unitId", unit.toString(), "milestone", "签订认领书", "dueDate", "2026-03-01",
                "level", "REMINDER", "daysLate", 3, "occurredAt", clock.instant().toString()));

        JsonNode referred = awaitInbox(token(TokenRequest.of("department-staff", "DEPARTMENT").withDepartment(department.toString())), "", 1);
        JsonNode overdue = awaitInbox(token(TokenRequest.of("unit-user-" + unit, "UNIT").withUnit(unit.toString())), "", 1);

        assertThat(referred.get(0).get("subject").asString()).isEqualTo(kase.toString());
        assertThat(referred.get(0).get("kind").asString()).isEqualTo("case-referred-department");
        assertThat(overdue.get(0).get("text").asString()).isEqualTo("您认领的项目节点「签订认领书」已逾期 3 天，请尽快推进。");
    }

    @Test
    void invitees_hear_of_meetings_and_carers_then_the_grid_of_missed_weekly_visits() {
        Neighbourhood n = neighbourhood();
        UUID unit = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID notInvited = UUID.randomUUID();
        publish(EventType.MEETING_SCHEDULED, Map.of("meetingId", UUID.randomUUID().toString(), "communityId",
                n.community().toString(), "kind", "JOINT", "title", "第三季度联席会议", "scheduledAt", "2026-10-10T02:00:00Z",
                "place", "社区会议室", "invitedUnitIds", List.of(unit.toString()), "invitedMemberIds", List.of(member.toString()),
                "departmentNames", List.of(), "occurredAt", clock.instant().toString()));
        UUID recipient = UUID.randomUUID();
        UUID grid = UUID.randomUUID();
        Map<String, Object> missed = new java.util.HashMap<>(Map.of("recipientId", recipient.toString(), "microGridId",
                UUID.randomUUID().toString(), "gridId", grid.toString(), "communityId", n.community().toString(),
                "carers", List.of("carer-staff-" + recipient), "dueAt", clock.instant().toString(),
                "occurredAt", clock.instant().toString()));
        missed.put("level", "REMINDER");
        missed.put("missedInARow", 1);
        publish(EventType.CARE_VISIT_MISSED, missed);
        missed.put("level", "ESCALATION");
        missed.put("missedInARow", 2);
        publish(EventType.CARE_VISIT_MISSED, missed);

        JsonNode invited = awaitInbox(token(TokenRequest.of("unit-user-" + unit, "UNIT").withUnit(unit.toString())), "", 1);
        assertThat(invited.get(0).get("text").asString())
                .isEqualTo("您受邀参加「第三季度联席会议」，时间 2026-10-10T02:00:00Z，地点 社区会议室。");
        awaitInbox(token(TokenRequest.of("member-user-" + member, "PARTY_MEMBER").withMember(member.toString())), "", 1);
        JsonNode carer = awaitInbox(token(TokenRequest.of("carer-staff-" + recipient, "GRID_STAFF").withJurisdiction(grid.toString())), "", 1);
        assertThat(kinds(carer)).contains("care-visit-missed-carer");
        JsonNode chief = awaitInbox(token(TokenRequest.of("grid-chief-" + recipient, "GRID_STAFF").withJurisdiction(grid.toString())), "", 1);
        assertThat(kinds(chief)).containsExactly("care-visit-missed-grid");
        assertThat(chief.get(0).get("text").asString()).contains("连续 2 周");
        assertThat(inbox(token(TokenRequest.of("unit-user-" + notInvited, "UNIT").withUnit(notInvited.toString())), "")).isEmpty();
    }

    @Test
    void members_and_units_called_out_in_an_emergency_are_told_at_once_and_nobody_else() {
        UUID unit = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID notCalled = UUID.randomUUID();
        publish(EventType.OPERATION_CALLED_OUT, Map.of("operationId", UUID.randomUUID().toString(),
                "callOutId", UUID.randomUUID().toString(), "scopeNodeId", UUID.randomUUID().toString(), "kind", "FLOOD",
                "title", "汛期防汛应急", "memberIds", List.of(member.toString()), "unitIds", List.of(unit.toString()),
                "occurredAt", clock.instant().toString()));

        JsonNode called = awaitInbox(token(TokenRequest.of("member-user-" + member, "PARTY_MEMBER").withMember(member.toString())), "", 1);
        assertThat(called.get(0).get("kind").asString()).isEqualTo("operation-called-out");
        assertThat(called.get(0).get("text").asString()).isEqualTo("【紧急召集】「汛期防汛应急」已启动，请立即响应，按通知要求到岗报到。");
        awaitInbox(token(TokenRequest.of("unit-user-" + unit, "UNIT").withUnit(unit.toString())), "", 1);
        assertThat(inbox(token(TokenRequest.of("member-user-" + notCalled, "PARTY_MEMBER").withMember(notCalled.toString())), ""))
                .isEmpty();
    }

    private static Map<String, String> actor(String id, String role) {
        return Map.of("id", id, "role", role);
    }

    private JsonNode inbox(String token, String query) {
        return getJson(token, "/api/me/notifications" + query).get("items");
    }

    private JsonNode awaitInbox(String token, String query, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> inbox(token, query).size() >= count);
        return inbox(token, query);
    }

    private static List<String> kinds(JsonNode items) {
        return items.valueStream().map(item -> item.get("kind").asString()).toList();
    }
}
