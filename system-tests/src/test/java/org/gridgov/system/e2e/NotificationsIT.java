package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.Events;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.gridgov.system.platform.Wishes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20 end to end, through the gateway: a resident orders a wish and is told at every step — in the inbox and by
 * text message (apps-service's recording channel, the phone read from wish-service at send time) — the dispatched unit
 * and the grid's staff are told theirs, a redelivered stream tells nobody anything twice, and quiet hours hold texts.
 */
class NotificationsIT {

    private static final Duration TOLD = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.shared();
    /** The phone Wishes.order gives, as the recording channel shows it. */
    private static final String MASKED_PHONE = "139******11";

    private static SystemPlatform platform;
    private static Events events;

    @BeforeAll
    static void platform() {
        platform = SystemPlatform.shared();
        events = new Events(platform);
    }

    @Test
    void a_resident_hears_of_every_step_of_their_wish_by_inbox_and_text_and_a_redelivered_stream_tells_nobody_twice() {
        TestCommunity community = TestCommunity.create(platform, 1, 2);
        TestCommunity.Grid grid = community.grids().get(0);
        String unit = community.joinUnit("通知测试单位", "REPAIRS");
        String member = community.registerMember("通知测试党员");
        community.awaitKnownToWishService(unit, member);
        Wishes wishes = new Wishes(community);
        String resident = "notified-" + UUID.randomUUID();

        String wish = wishes.order(resident, grid.addresses().get(0), "REPAIRS");
        wishes.dispatch(grid, wish, List.of(unit)).expect(200);
        wishes.claimAsUnit(unit, wish).expect(200);
        wishes.fulfil(community.unit(unit), wish, List.of(member)).expect(200);
        wishes.close(resident, wish, 5).expect(200);

        List<String> residentKinds = List.of("wish-closed-resident", "wish-fulfilled-resident", "wish-claimed-resident",
                "wish-dispatched-resident", "wish-submitted-resident");
        List<JsonNode> inbox = awaitInbox(community.resident(resident), wish, residentKinds.size());
        assertThat(kinds(inbox)).containsExactlyElementsOf(residentKinds);
        assertThat(inbox.get(4).get("text").asString()).isEqualTo("您的微心愿「系统测试心愿 REPAIRS」已提交，网格员将尽快处理。");
        assertThat(inbox.get(1).get("text").asString()).contains("请对服务进行评价");
        assertThat(kinds(awaitInbox(community.unit(unit), wish, 2)))
                .containsExactlyInAnyOrder("wish-dispatched-candidate", "wish-claimed-claimer");
        assertThat(kinds(awaitInbox(community.staff(grid), wish, 1))).containsExactly("wish-submitted-grid");
        // a resident reads theirs only
        assertThat(inbox(community.resident("somebody-else-" + UUID.randomUUID()), wish)).isEmpty();

        List<JsonNode> texts = awaitTexts(wish, residentKinds.size());
        assertThat(texts).extracting(line -> line.get("kind").asString()).containsExactlyInAnyOrderElementsOf(residentKinds);
        assertThat(texts).allSatisfy(line -> assertThat(line.get("to").asString()).isEqualTo(MASKED_PHONE));
        assertThat(texts).filteredOn(line -> line.get("kind").asString().equals("wish-submitted-resident"))
                .singleElement().satisfies(line -> {
                    assertThat(line.get("text").asString()).isEqualTo("您的微心愿「系统测试心愿 REPAIRS」已提交，网格员将尽快处理。");
                    assertThat(line.get("params").get("title").asString()).isEqualTo("系统测试心愿 REPAIRS");
                });

        // the wish's whole stream again, twice, in reverse order
        events.awaitConsumed(Topic.WISH_EVENTS, TOLD);
        List<CloudEvent> published = events.read(Topic.WISH_EVENTS, wish::equals);
        assertThat(published).hasSizeGreaterThanOrEqualTo(5);
        List<CloudEvent> again = new ArrayList<>(published);
        java.util.Collections.reverse(again);
        again.addAll(again);
        events.publish(Topic.WISH_EVENTS, again);
        events.awaitConsumed(Topic.WISH_EVENTS, TOLD);
        TestCommunity.sleep(3000);
        assertThat(inbox(community.resident(resident), wish)).hasSize(residentKinds.size());
        assertThat(inbox(community.unit(unit), wish)).hasSize(2);
        assertThat(inbox(community.staff(grid), wish)).hasSize(1);
        assertThat(texts(wish)).hasSize(residentKinds.size());
        assertThat(read()).doesNotContain("13900001111");
    }

    @Test
    void texts_in_the_residents_quiet_hours_are_held_while_the_inbox_tells_at_once() {
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        TestCommunity.Grid grid = community.grids().get(0);
        String resident = "quiet-" + UUID.randomUUID();
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String quiet = "{\"channels\":[\"SMS\"],\"quietHours\":{\"from\":\"" + now.minusHours(1).format(hhmm)
                + "\",\"to\":\"" + now.plusHours(2).format(hhmm) + "\"}}";
        community.resident(resident).put("/api/me/notification-preferences", quiet).expect(200);
        community.resident(resident).put("/api/me/notification-preferences", "{\"channels\":[\"PIGEON\"]}").expect(400);

        String wish = new Wishes(community).order(resident, grid.addresses().get(0), "REPAIRS");
        assertThat(kinds(awaitInbox(community.resident(resident), wish, 1))).containsExactly("wish-submitted-resident");
        await().atMost(TOLD).until(() -> deliveries(wish).size() == 1);
        TestCommunity.sleep(3000);
        assertThat(deliveries(wish)).containsExactly("PENDING held");
        assertThat(texts(wish)).isEmpty();
    }

    private static List<JsonNode> inbox(ApiClient reader, String wish) {
        List<JsonNode> mine = new ArrayList<>();
        reader.get("/api/me/notifications").expect(200).json().get("items").forEach(item -> {
            if (wish.equals(item.get("subject").asString())) {
                mine.add(item);
            }
        });
        return mine;
    }

    private static List<JsonNode> awaitInbox(ApiClient reader, String wish, int count) {
        await().atMost(TOLD).pollInterval(Duration.ofMillis(500)).until(() -> inbox(reader, wish).size() >= count);
        return inbox(reader, wish);
    }

    private static List<String> kinds(List<JsonNode> items) {
        return items.stream().map(item -> item.get("kind").asString()).toList();
    }

    private static List<JsonNode> awaitTexts(String wish, int count) {
        await().atMost(TOLD).pollInterval(Duration.ofMillis(500)).until(() -> texts(wish).size() >= count);
        return texts(wish);
    }

    private static List<JsonNode> texts(String wish) {
        return read().lines().map(JSON::readTree).filter(line -> wish.equals(line.get("subject").asString())).toList();
    }

    private static String read() {
        try {
            return Files.exists(platform.recordedTextMessages())
                    ? Files.readString(platform.recordedTextMessages(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** apps-service's deliveries of the wish: status, and "held" while quiet hours hold one. */
    private static List<String> deliveries(String wish) {
        try (Connection db = platform.database(ServiceSpec.APPS);
             PreparedStatement query = db.prepareStatement("select status, held from delivery where subject = ?")) {
            query.setString(1, wish);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1) + (row.getBoolean(2) ? " held" : ""));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
