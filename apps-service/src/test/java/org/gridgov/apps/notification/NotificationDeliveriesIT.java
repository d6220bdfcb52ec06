package org.gridgov.apps.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.ThreadLocalRandom;

import org.gridgov.apps.AppsIntegrationTest;
import org.gridgov.contracts.EventType;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.events.CloudEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Text messages beyond the inbox, through the recording channel (what would be sent, in target/notifications/sms.jsonl):
 * the resident's phone read from its owner at send time, once per event, within the per-person limit, after their
 * quiet hours; their preferences through the API.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationDeliveriesIT extends AppsIntegrationTest {

    private static final Path RECORDED = Path.of("target/notifications/sms.jsonl");
    private static final Path RECORDED_WECHAT = Path.of("target/notifications/wechat.jsonl");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Test
    void the_resident_gets_a_text_with_the_template_filled_once_and_their_phone_is_kept_nowhere(CapturedOutput output) {
        Neighbourhood n = neighbourhood();
        String phone = phone();
        UUID wish = submitWithPhone(n, phone);
        List<JsonNode> sent = awaitRecorded(wish, 1);
        assertThat(sent.get(0).get("kind").asString()).isEqualTo("wish-submitted-resident");
        assertThat(sent.get(0).get("text").asString()).isEqualTo("您的微心愿「帮独居老人买菜」已提交，网格员将尽快处理。");
        assertThat(sent.get(0).get("params").get("title").asString()).isEqualTo("帮独居老人买菜");
        assertThat(sent.get(0).get("to").asString()).isEqualTo(phone.substring(0, 3) + "******" + phone.substring(9));

        CloudEvent rejected = publish(EventType.WISH_REJECTED, Map.of("wishId", wish.toString(), "actor", actor("staff", "GRID_STAFF"),
                "occurredAt", clock.instant().toString(), "status", "REJECTED", "reason", "重复提交"));
        resend(EventType.WISH_REJECTED, rejected);
        resend(EventType.WISH_REJECTED, rejected);
        publish(EventType.WISH_CANCELLED, Map.of("wishId", wish.toString(), "actor", actor("resident-" + wish, "RESIDENT"),
                "occurredAt", clock.instant().toString(), "status", "CANCELLED"));
        List<JsonNode> all = awaitRecorded(wish, 3);
        settle();
        assertThat(recorded(wish)).extracting(line -> line.get("kind").asString())
                .containsExactly("wish-submitted-resident", "wish-rejected-resident", "wish-cancelled-resident");
        assertThat(all.get(1).get("text").asString()).isEqualTo("很抱歉，您的微心愿未被受理：重复提交");
        // the grid's staff are told in their inbox only (no phone of theirs is known)
        assertThat(statuses(wish)).containsOnly("SENT").hasSize(3);

        List<String> stored = db.sql("select d::text as row from delivery d where subject = :s union all "
                        + "select x::text from notification x where subject = :s union all select o::text from kit_outbox o")
                .bind("s", wish.toString()).map(row -> row.get("row", String.class)).all().collectList().block();
        assertThat(stored).isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain(phone));
        assertThat(read()).doesNotContain(phone);
        assertThat(output.getAll()).doesNotContain(phone);
        assertThat(CONTACTS.refused()).isZero();
    }

    @Test
    void a_resident_without_a_phone_or_beyond_the_hourly_limit_gets_the_inbox_only() {
        Neighbourhood n = neighbourhood();
        UUID silent = submit(n);
        String phone = phone();
        UUID busy = submitWithPhone(n, phone);
        for (int i = 0; i < 4; i++) {
            publish(EventType.WISH_REJECTED, Map.of("wishId", busy.toString(), "actor", actor("staff", "GRID_STAFF"),
                    "occurredAt", clock.instant().toString(), "status", "REJECTED", "reason", "第" + i + "次"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(busy).size() == 5
                && !statuses(busy).contains("PENDING") && statuses(silent).equals(List.of("NO_CONTACT")));
        // at most 3 an hour here (max-per-hour: 3)
        assertThat(statuses(busy)).filteredOn("SENT"::equals).hasSize(3);
        assertThat(statuses(busy)).filteredOn("RATE_LIMITED"::equals).hasSize(2);
        assertThat(recorded(busy)).hasSize(3);
        assertThat(recorded(silent)).isEmpty();
        String resident = token(TokenRequest.of("resident-" + busy, "RESIDENT"));
        assertThat(getJson(resident, "/api/me/notifications").get("items")).hasSize(5);
        assertThat(counter("SMS", "rate-limited")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void quiet_hours_hold_the_text_until_they_end_and_a_resident_may_turn_texts_off() {
        Neighbourhood n = neighbourhood();
        UUID wish = UUID.randomUUID();
        String subject = "resident-" + wish;
        String resident = token(TokenRequest.of(subject, "RESIDENT"));
        JsonNode defaults = getJson(resident, "/api/me/notification-preferences");
        assertThat(defaults.get("channels").toString()).isEqualTo("[\"INBOX\",\"SMS\"]");
        assertThat(defaults.get("timeZone").asString()).isEqualTo("Asia/Shanghai");

        LocalTime now = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalTime();
        String from = now.minusMinutes(30).format(HH_MM);
        String to = now.plusMinutes(60).format(HH_MM);
        JsonNode saved = put(resident, "{\"channels\":[\"SMS\"],\"quietHours\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}}")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(saved.get("quietHours").get("from").asString()).isEqualTo(from);
        assertThat(getJson(resident, "/api/me/notification-preferences").get("quietHours").get("to").asString()).isEqualTo(to);

        submitWithPhone(n, phone(), wish);
        await().atMost(Duration.ofSeconds(60)).until(() -> !statuses(wish).isEmpty());
        settle();
        assertThat(statuses(wish)).containsExactly("PENDING");
        assertThat(recorded(wish)).isEmpty();
        assertThat(getJson(resident, "/api/me/notifications").get("items")).hasSize(1);

        clock.advance(Duration.ofMinutes(61));
        awaitRecorded(wish, 1);
        assertThat(statuses(wish)).containsExactly("SENT");

        // texts off for rejections: the inbox only
        put(resident, "{\"channels\":[\"INBOX\",\"SMS\"],\"byKind\":{\"wish-rejected-resident\":[\"INBOX\"]}}").expectStatus().isOk();
        publish(EventType.WISH_REJECTED, Map.of("wishId", wish.toString(), "actor", actor("staff", "GRID_STAFF"),
                "occurredAt", clock.instant().toString(), "status", "REJECTED", "reason", "不在本社区"));
        awaitInbox(resident, 2);
        settle();
        assertThat(statuses(wish)).containsExactly("SENT");
    }

    @Test
    void called_out_members_and_units_are_texted_at_once_in_their_quiet_hours_while_an_invitation_waits() {
        UUID operation = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID withoutPhone = UUID.randomUUID();
        String memberPhone = phone();
        String unitPhone = phone();
        CONTACTS.memberOrUnit(member, memberPhone);
        CONTACTS.memberOrUnit(unit, unitPhone);
        // the member's own quiet hours, chosen as themself, hold for what they are told as a party member
        LocalTime now = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalTime();
        String memberToken = token(TokenRequest.of("member-user-" + member, "PARTY_MEMBER").withMember(member.toString()));
        put(memberToken, "{\"channels\":[\"SMS\"],\"quietHours\":{\"from\":\"" + now.minusMinutes(30).format(HH_MM)
                + "\",\"to\":\"" + now.plusMinutes(60).format(HH_MM) + "\"}}").expectStatus().isOk();

        publish(EventType.OPERATION_CALLED_OUT, Map.of("operationId", operation.toString(),
                "callOutId", UUID.randomUUID().toString(), "scopeNodeId", UUID.randomUUID().toString(), "kind", "FLOOD",
                "title", "汛期防汛应急", "memberIds", List.of(member.toString(), withoutPhone.toString()),
                "unitIds", List.of(unit.toString()), "occurredAt", clock.instant().toString()));
        List<JsonNode> texts = awaitRecorded(operation, 2);
        settle();
        assertThat(recorded(operation)).extracting(line -> line.get("to").asString())
                .containsExactlyInAnyOrder(masked(memberPhone), masked(unitPhone));
        assertThat(texts).allSatisfy(line -> assertThat(line.get("text").asString())
                .isEqualTo("【紧急召集】「汛期防汛应急」已启动，请立即响应，按通知要求到岗报到。"));
        assertThat(statuses(operation)).containsExactlyInAnyOrder("SENT", "SENT", "NO_CONTACT");

        // an invitation is not urgent: it waits for the end of the member's quiet hours, the unit's goes at once
        UUID meeting = UUID.randomUUID();
        publish(EventType.MEETING_SCHEDULED, Map.of("meetingId", meeting.toString(), "communityId",
                UUID.randomUUID().toString(), "kind", "JOINT", "title", "第四季度联席会议", "scheduledAt", "2026-12-20T02:00:00Z",
                "place", "社区会议室", "invitedUnitIds", List.of(unit.toString()), "invitedMemberIds", List.of(member.toString()),
                "departmentNames", List.of(), "occurredAt", clock.instant().toString()));
        assertThat(awaitRecorded(meeting, 1)).singleElement().satisfies(line ->
                assertThat(line.get("to").asString()).isEqualTo(masked(unitPhone)));
        settle();
        assertThat(recorded(meeting)).hasSize(1);
        clock.advance(Duration.ofMinutes(61));
        assertThat(awaitRecorded(meeting, 2)).extracting(line -> line.get("to").asString())
                .containsExactlyInAnyOrder(masked(unitPhone), masked(memberPhone));
        assertThat(read()).doesNotContain(memberPhone, unitPhone);
    }

    @Test
    void a_person_who_bound_wechat_and_chose_it_gets_subscription_messages_and_their_openid_is_kept_sealed(CapturedOutput output) {
        Neighbourhood n = neighbourhood();
        UUID wish = UUID.randomUUID();
        String resident = token(TokenRequest.of("resident-" + wish, "RESIDENT"));
        String openId = "oGZUI0" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        assertThat(getJson(resident, "/api/me/wechat-binding").get("bound").asBoolean()).isFalse();
        assertField(bind(resident, "{\"openId\":\"not an openid\"}"), "openId");
        assertField(bind(resident, "{}"), "openId");
        JsonNode bound = bind(resident, "{\"openId\":\"" + openId + "\"}").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(bound.get("openId").asString()).isEqualTo("oGZU****");
        put(resident, "{\"channels\":[\"WECHAT\"]}").expectStatus().isOk();

        submit(n, wish);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> recordedWeChat(wish).size() == 1);
        settle();
        assertThat(recordedWeChat(wish)).singleElement().satisfies(line -> {
            assertThat(line.get("channel").asString()).isEqualTo("WECHAT");
            assertThat(line.get("to").asString()).isEqualTo("oGZU****");
            assertThat(line.get("kind").asString()).isEqualTo("wish-submitted-resident");
        });
        assertThat(statuses(wish)).as("texts not chosen: the WeChat delivery only").containsExactly("SENT");
        String stored = db.sql("select open_id from wechat_binding where recipient = :r").bind("r", "person:resident-" + wish)
                .map(row -> row.get("open_id", String.class)).one().block();
        assertThat(stored).startsWith("v1.").doesNotContain(openId);

        // unbound: the next message finds nobody to send to
        web.delete().uri("/api/me/wechat-binding").headers(h -> h.setBearerAuth(resident)).exchange()
                .expectStatus().isNoContent();
        assertThat(getJson(resident, "/api/me/wechat-binding").get("bound").asBoolean()).isFalse();
        publish(EventType.WISH_REJECTED, Map.of("wishId", wish.toString(), "actor", actor("staff", "GRID_STAFF"),
                "occurredAt", clock.instant().toString(), "status", "REJECTED", "reason", "重复提交"));
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(wish).size() == 2 && !statuses(wish).contains("PENDING"));
        assertThat(statuses(wish)).containsExactly("SENT", "NO_CONTACT");
        assertThat(recordedWeChat(wish)).hasSize(1);
        assertThat(output.getAll()).doesNotContain(openId);
        assertThat(org.slf4j.LoggerFactory.getLogger("cn.binarywang.wx.miniapp.api.impl.BaseWxMaServiceImpl").isErrorEnabled())
                .as("the WeChat SDK logs requests with the openid: silenced").isFalse();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec bind(String token, String body) {
        return web.put().uri("/api/me/wechat-binding").headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private List<JsonNode> recordedWeChat(UUID subject) {
        try {
            return !Files.exists(RECORDED_WECHAT) ? List.of() : Files.readAllLines(RECORDED_WECHAT, StandardCharsets.UTF_8)
                    .stream().map(json::readTree).filter(line -> subject.toString().equals(line.get("subject").asString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "******" + phone.substring(9);
    }

    @Test
    void preferences_refuse_bad_input_naming_the_field_and_a_retried_put_changes_nothing_twice() {
        String resident = token(TokenRequest.of("resident-prefs-" + UUID.randomUUID(), "RESIDENT"));
        assertField(put(resident, "{\"channels\":[\"PIGEON\"]}"), "channels[0]");
        assertField(put(resident, "{}"), "channels");
        assertField(put(resident, "{\"channels\":[],\"byKind\":{\"no-such-kind\":[\"SMS\"]}}"), "byKind.no-such-kind");
        assertField(put(resident, "{\"channels\":[],\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:00\"}}"), "quietHours.from");
        assertField(put(resident, "{\"channels\":[],\"quietHours\":{\"from\":\"07:00\",\"to\":\"07:00\"}}"), "quietHours.to");
        assertField(put(resident, "{\"channels\":[],\"quietHours\":{\"from\":\"22:00\"}}"), "quietHours.to");
        assertThat(getJson(resident, "/api/me/notification-preferences").get("channels").toString())
                .as("nothing of a refused request was kept").isEqualTo("[\"INBOX\",\"SMS\"]");

        String body = "{\"channels\":[],\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\"}}";
        web.put().uri("/api/me/notification-preferences").headers(h -> {
            h.setBearerAuth(resident);
            h.set("Idempotency-Key", "prefs-1");
        }).contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
        web.put().uri("/api/me/notification-preferences").headers(h -> {
            h.setBearerAuth(resident);
            h.set("Idempotency-Key", "prefs-1");
        }).contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(getJson(resident, "/api/me/notification-preferences").get("channels").toString()).isEqualTo("[\"INBOX\"]");
        web.get().uri("/api/me/notification-preferences").exchange().expectStatus().isUnauthorized();
    }

    private void assertField(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, String field) {
        JsonNode problem = response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList()).contains(field);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(String token, String body) {
        return web.put().uri("/api/me/notification-preferences").headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private UUID submitWithPhone(Neighbourhood n, String phone) {
        return submitWithPhone(n, phone, UUID.randomUUID());
    }

    /** The resident ordered the wish and gave wish-service this phone (apps-service never sees it in an event). */
    private UUID submitWithPhone(Neighbourhood n, String phone, UUID wish) {
        CONTACTS.resident(wish, "resident-" + wish, phone);
        return submit(n, wish);
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private List<String> statuses(UUID wish) {
        return db.sql("select status from delivery where subject = :s order by created_at, kind").bind("s", wish.toString())
                .map(row -> row.get("status", String.class)).all().collectList().block();
    }

    private double counter(String channel, String outcome) {
        String metrics = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return metrics.lines().filter(line -> line.startsWith("gridgov_notifications_deliveries_total{")
                        && line.contains("channel=\"" + channel + "\"") && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private void awaitInbox(String token, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> getJson(token, "/api/me/notifications").get("items").size() >= count);
    }

    private List<JsonNode> awaitRecorded(UUID wish, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> recorded(wish).size() >= count);
        return recorded(wish);
    }

    /** Long enough for the poller (every 200 ms here) to have sent anything still due. */
    private static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<JsonNode> recorded(UUID wish) {
        return read().lines().map(json::readTree).filter(line -> wish.toString().equals(line.get("subject").asString())).toList();
    }

    private static String read() {
        try {
            return Files.exists(RECORDED) ? Files.readString(RECORDED, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> actor(String id, String role) {
        return Map.of("id", id, "role", role);
    }
}
