package org.gridgov.fieldwork.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.fieldwork.FieldworkIntegrationTest;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Care for special groups (四个一) on real PostgreSQL and Kafka with a controllable clock: a household put in care,
 * seen by its grid's staff, its carers and (masked) the admins, by nobody else; the carers' contacts, the week's
 * gaps; a missed weekly visit reminding the carers, the next one escalating to the grid's chief; the groups and the
 * notes encrypted at rest and absent from events, idempotent replays and logs.
 */
@Import(TestClock.Config.class)
@TestPropertySource(properties = "gridgov.fieldwork.care.poll-interval=1h")
@ExtendWith(OutputCaptureExtension.class)
class CareIT extends FieldworkIntegrationTest {

    private static final String NOTE = "陪王奶奶聊天，血压偏高，提醒按时服药";

    @Autowired
    TestClock clock;

    @Autowired
    CareSupervision supervision;

    private static String member(UUID memberId) {
        return token(TokenRequest.of("member-" + memberId, "PARTY_MEMBER").withMember(memberId.toString()));
    }

    private List<JsonNode> eventsOf(UUID recipient, int expected) {
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<JsonNode> found = events.settle(record -> recipient.toString().equals(record.key()), Duration.ofSeconds(3))
                    .stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(found).hasSize(expected);
            return found;
        }
    }

    @Test
    void a_recipient_in_care_is_seen_by_its_grid_its_carers_and_masked_by_admins_and_a_missed_visit_is_escalated() {
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        Place place = place();
        Place elsewhere = place();
        UUID household = household(place.microGrid());
        String staff = as("GRID_STAFF", place.grid());
        String admin = as("COMMUNITY_ADMIN", place.community());
        UUID carerId = partyMemberOf(place.community(), place.grid());
        String carer = member(carerId);
        String otherMember = member(partyMemberOf(place.community(), place.grid()));

        assertThat(fieldOf(post("/api/care-recipients", staff, Map.of("groups", List.of("ELDERLY_ALONE"),
                "carers", List.of(carerId.toString())))
                .expectStatus().isBadRequest())).isEqualTo("householdId");
        assertThat(fieldOf(post("/api/care-recipients", staff, Map.of("householdId", household, "groups", List.of(),
                "carers", List.of(carerId.toString())))
                .expectStatus().isBadRequest())).isEqualTo("groups");
        assertThat(fieldOf(post("/api/care-recipients", staff, Map.of("householdId", household,
                "groups", List.of("ELDERLY_ALONE"), "carers", List.of(" ")))
                .expectStatus().isBadRequest())).isEqualTo("carers[0]");
        assertThat(fieldOf(post("/api/care-recipients", staff, Map.of("householdId", UUID.randomUUID(),
                "groups", List.of("ELDERLY_ALONE"), "carers", List.of(carerId.toString())))
                .expectStatus().isBadRequest())).isEqualTo("householdId");
        post("/api/care-recipients", as("GRID_STAFF", elsewhere.grid()), Map.of("householdId", household,
                "groups", List.of("ELDERLY_ALONE"), "carers", List.of(carerId.toString()))).expectStatus().isForbidden();

        Map<String, Object> request = Map.of("householdId", household, "groups", List.of("ELDERLY_ALONE", "DISABLED"),
                "carers", List.of(carerId.toString(), "grid_staff-" + place.grid()));
        String key = UUID.randomUUID().toString();
        JsonNode registered = body(post("/api/care-recipients", staff, request, key).expectStatus().isCreated());
        UUID id = UUID.fromString(registered.path("id").asString());
        assertThat(registered.path("visitDueAt").asString()).startsWith("2026-03-09T08:00");
        assertThat(registered.has("groups")).as("a command's answer is kept for replays: ids only").isFalse();
        post("/api/care-recipients", staff, request, key).expectStatus().isCreated().expectHeader()
                .valueEquals("Idempotent-Replayed", "true");
        post("/api/care-recipients", staff, request).expectStatus().isEqualTo(409);

        JsonNode seenByStaff = get("/api/care-recipients/" + id, staff);
        assertThat(seenByStaff.path("groups")).extracting(JsonNode::asString).containsExactlyInAnyOrder("ELDERLY_ALONE", "DISABLED");
        assertThat(seenByStaff.path("masked").asBoolean()).isFalse();
        assertThat(get("/api/care-recipients/" + id, carer).path("householdId").asString()).isEqualTo(household.toString());
        getting("/api/care-recipients/" + id, as("GRID_STAFF", elsewhere.grid())).expectStatus().isNotFound();
        getting("/api/care-recipients/" + id, as("COMMUNITY_ADMIN", elsewhere.community())).expectStatus().isNotFound();
        getting("/api/care-recipients/" + id, otherMember).expectStatus().isNotFound();
        getting("/api/care-recipients/" + id, department(UUID.randomUUID())).expectStatus().isNotFound();
        assertThat(get("/api/care-recipients?node=" + place.community(), admin)).extracting(r -> r.path("id").asString())
                .containsExactly(id.toString());
        assertThat(get("/api/care-recipients", carer)).extracting(r -> r.path("id").asString()).containsExactly(id.toString());
        getting("/api/care-recipients?node=" + place.community(), as("GRID_STAFF", elsewhere.grid()))
                .expectStatus().isForbidden();

        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(fieldOf(post("/api/care-recipients/" + id + "/contacts", carer, Map.of("kind", "CALL", "note", NOTE))
                .expectStatus().isBadRequest()))
                .isEqualTo("kind");
        assertThat(fieldOf(post("/api/care-recipients/" + id + "/contacts", carer, Map.of("kind", "DAILY_CARE", "note", ""))
                .expectStatus().isBadRequest()))
                .isEqualTo("note");
        post("/api/care-recipients/" + id + "/contacts", admin, Map.of("kind", "DAILY_CARE", "note", NOTE))
                .expectStatus().isForbidden();
        post("/api/care-recipients/" + id + "/contacts", otherMember, Map.of("kind", "DAILY_CARE", "note", NOTE))
                .expectStatus().isNotFound();
        String contactKey = UUID.randomUUID().toString();
        post("/api/care-recipients/" + id + "/contacts", carer, Map.of("kind", "DAILY_CARE", "note", NOTE), contactKey)
                .expectStatus().isCreated();
        post("/api/care-recipients/" + id + "/contacts", carer, Map.of("kind", "DAILY_CARE", "note", NOTE), contactKey)
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        post("/api/care-recipients/" + id + "/contacts", carer, Map.of("kind", "YEARLY_WISH", "note", "想要一台助听器",
                "wish", Map.of("category", "ELDERLY_CARE", "title", "配一副老年助听设备")))
                .expectStatus().isCreated();
        post("/api/care-recipients/" + id + "/contacts", staff, Map.of("kind", "YEARLY_WISH", "note", "再许一个",
                "wish", Map.of("category", "ELDERLY_CARE", "title", "再许一个")))
                .expectStatus().isEqualTo(409);

        JsonNode contacts = get("/api/care-recipients/" + id, staff).path("contacts");
        assertThat(contacts).hasSize(2);
        assertThat(contacts).extracting(c -> c.path("note").asString()).contains(NOTE);
        JsonNode masked = get("/api/care-recipients/" + id, admin);
        assertThat(masked.path("masked").asBoolean()).isTrue();
        assertThat(masked.path("contacts")).extracting(c -> c.path("note").asString()).containsOnly("****");

        clock.set(Instant.parse("2026-03-04T12:00:00Z"));
        JsonNode coverage = get("/api/care/coverage?node=" + place.grid() + "&week=2026-03-04", staff);
        assertThat(coverage.path("week").asString()).isEqualTo("2026-03-02");
        assertThat(coverage.path("recipients").asInt()).isEqualTo(1);
        JsonNode week = coverage.path("entries").path(0).path("week");
        assertThat(week.path("daysDue").asInt()).as("Monday to Wednesday").isEqualTo(3);
        assertThat(week.path("daysCaredFor").asInt()).isEqualTo(1);
        assertThat(week.path("yearlyWish").asBoolean()).isTrue();
        assertThat(week.path("gaps")).extracting(JsonNode::asString)
                .containsExactly("DAILY_CARE", "HOME_VISIT", "MONTHLY_DEED");
        getting("/api/care/coverage?node=" + place.grid() + "&week=2026-03-04", carer).expectStatus().isForbidden();
        assertThat(fieldOf(web.get().uri("/api/care/coverage?node=" + place.grid() + "&week=soon")
                .headers(h -> h.setBearerAuth(staff)).exchange()
                .expectStatus().isBadRequest())).isEqualTo("week");

        clock.set(Instant.parse("2026-03-09T07:59:00Z"));
        assertThat(supervision.fireDue().block()).as("the week is not over").isZero();
        clock.set(Instant.parse("2026-03-09T08:30:00Z"));
        assertThat(supervision.fireDue().block()).as("the carers reminded").isEqualTo(1);
        assertThat(supervision.fireDue().block()).as("once").isZero();
        clock.set(Instant.parse("2026-03-16T08:30:00Z"));
        assertThat(supervision.fireDue().block()).as("the grid's chief told").isEqualTo(1);
        assertThat(get("/api/care-recipients/" + id, staff).path("visitsMissedInARow").asInt()).isEqualTo(2);

        clock.set(Instant.parse("2026-03-16T09:00:00Z"));
        post("/api/care-recipients/" + id + "/contacts", carer, Map.of("kind", "HOME_VISIT", "note", "入户看望，打扫卫生"))
                .expectStatus().isCreated();
        JsonNode visited = get("/api/care-recipients/" + id, staff);
        assertThat(visited.path("visitsMissedInARow").asInt()).isZero();
        assertThat(visited.path("visitDueAt").asString()).startsWith("2026-03-23T09:00");
        clock.set(Instant.parse("2026-03-23T08:59:00Z"));
        assertThat(supervision.fireDue().block()).as("visited: a fresh week").isZero();

        // registered, the day's care, the year's wish raised and recorded, reminder, escalation, home visit
        List<JsonNode> events = eventsOf(id, 7);
        assertThat(events.get(0).path("carers")).extracting(JsonNode::asString).contains(carerId.toString());
        JsonNode reminder = events.get(4);
        assertThat(reminder.path("level").asString()).isEqualTo("REMINDER");
        assertThat(reminder.path("carers")).extracting(JsonNode::asString).contains(carerId.toString());
        JsonNode escalation = events.get(5);
        assertThat(escalation.path("level").asString()).isEqualTo("ESCALATION");
        assertThat(escalation.path("gridId").asString()).isEqualTo(place.grid().toString());
        assertThat(escalation.path("missedInARow").asInt()).isEqualTo(2);
        assertThat(events.toString()).as("no groups or notes in events")
                .doesNotContain("ELDERLY_ALONE", "DISABLED", "血压", "助听器", "打扫");
    }

    @Test
    void the_groups_and_notes_are_encrypted_at_rest_and_never_in_replays_outbox_or_logs(CapturedOutput output) {
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        Place place = place();
        UUID household = household(place.microGrid());
        String staff = as("GRID_STAFF", place.grid());
        String key = UUID.randomUUID().toString();
        UUID id = UUID.fromString(body(post("/api/care-recipients", staff, Map.of("householdId", household,
                "groups", List.of("LEFT_BEHIND_CHILD", "HARDSHIP"), "carers", List.of("grid_staff-" + place.grid())), key)
                .expectStatus().isCreated()).path("id").asString());
        String contactKey = UUID.randomUUID().toString();
        post("/api/care-recipients/" + id + "/contacts", staff, Map.of("kind", "HOME_VISIT", "note", NOTE), contactKey)
                .expectStatus().isCreated();

        String sealed = db.sql("select groups_sealed from care_recipient where id = :id").bind("id", id)
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(sealed).startsWith("v1.").doesNotContain("LEFT_BEHIND_CHILD", "HARDSHIP");
        List<String> everythingStored = db.sql("select r::text as row from care_recipient r where id = :id "
                        + "union all select c::text from care_contact c where recipient_id = :id "
                        + "union all select i::text from kit_idempotency i where key in (:key, :contactKey) "
                        + "union all select o.data::text from kit_outbox o where subject = :subject")
                .bind("id", id).bind("key", key).bind("contactKey", contactKey).bind("subject", id.toString())
                .map(row -> row.get("row", String.class)).all().collectList().block();
        assertThat(everythingStored).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(row -> assertThat(row).doesNotContain("LEFT_BEHIND_CHILD", "HARDSHIP", "血压"));
        assertThat(get("/api/care-recipients/" + id, staff).path("contacts").path(0).path("note").asString()).isEqualTo(NOTE);
        assertThat(output.getAll()).doesNotContain("LEFT_BEHIND_CHILD", "血压");
    }
}
