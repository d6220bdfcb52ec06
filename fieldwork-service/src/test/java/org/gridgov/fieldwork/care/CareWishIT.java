package org.gridgov.fieldwork.care;

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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 四个一 · 每年一个心愿 on real PostgreSQL and Kafka: the carer records the recipient's yearly wish written for the
 * dispatch board; fieldwork-service publishes {@code org.gridgov.care-recipient.wish-raised.v1} with the contact, once
 * however often the command is retried — ids, the category and the title, never the household's address, the groups
 * or the carer's note — and follows the wish through wish-service's events, so the carer sees it on the recipient's page
 * (a redelivered older announcement does not turn it back).
 */
class CareWishIT extends FieldworkIntegrationTest {

    private static final String NOTE = "老人说想配一副助听器，听清孙子的电话";
    private static final String TITLE = "为独居老人配一副助听设备";

    private List<JsonNode> wishRaised(UUID recipient) {
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            return events.settle(record -> recipient.toString().equals(record.key())
                            && EventType.CARE_WISH_RAISED.type().equals(KafkaTopicReader.header(record, "ce_type")),
                    Duration.ofSeconds(3)).stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
        }
    }

    private void announced(EventType type, UUID wish, String status, Instant at) {
        announced(type, wish, status, at, Map.of());
    }

    private void announced(EventType type, UUID wish, String status, Instant at, Map<String, Object> more) {
        Map<String, Object> data = new java.util.HashMap<>(more);
        data.putAll(Map.of("wishId", wish.toString(), "actor", Map.of("id", "staff-1", "role", "GRID_STAFF"),
                "occurredAt", at.toString(), "status", status));
        publish(type, data);
    }

    private void submitted(UUID wish, Place place, Instant at) {
        announced(EventType.WISH_SUBMITTED, wish, "SUBMITTED", at, Map.of("category", "ELDERLY_CARE", "title", TITLE,
                "gridId", place.grid().toString(), "microGridId", place.microGrid().toString(),
                "communityId", place.community().toString()));
    }

    @Test
    void the_yearly_wish_is_raised_once_without_personal_data_and_its_progress_shows_on_the_recipients_page() {
        Place place = place();
        UUID household = household(place.microGrid());
        String staff = as("GRID_STAFF", place.grid());
        UUID carerId = partyMemberOf(place.community(), place.grid());
        String carer = token(TokenRequest.of("member-" + carerId, "PARTY_MEMBER").withMember(carerId.toString()));
        UUID id = UUID.fromString(body(post("/api/care-recipients", staff, Map.of("householdId", household,
                "groups", List.of("ELDERLY_ALONE"), "carers", List.of(carerId.toString())))
                .expectStatus().isCreated()).path("id").asString());
        String contacts = "/api/care-recipients/" + id + "/contacts";

        assertThat(fieldOf(post(contacts, carer, Map.of("kind", "YEARLY_WISH", "note", NOTE))
                .expectStatus().isBadRequest())).isEqualTo("wish");
        assertThat(fieldOf(post(contacts, carer, Map.of("kind", "YEARLY_WISH", "note", NOTE,
                "wish", Map.of("category", "ELDERLY_CARE", "title", " "))).expectStatus().isBadRequest()))
                .isEqualTo("wish.title");
        assertThat(fieldOf(post(contacts, carer, Map.of("kind", "YEARLY_WISH", "note", NOTE,
                "wish", Map.of("title", TITLE))).expectStatus().isBadRequest())).isEqualTo("wish.category");
        assertThat(fieldOf(post(contacts, carer, Map.of("kind", "DAILY_CARE", "note", NOTE,
                "wish", Map.of("category", "ELDERLY_CARE", "title", TITLE))).expectStatus().isBadRequest()))
                .isEqualTo("wish");
        assertThat(get("/api/care-recipients/" + id, staff).path("contacts")).as("nothing half-applied").isEmpty();

        Map<String, Object> request = Map.of("kind", "YEARLY_WISH", "note", NOTE,
                "wish", Map.of("category", "ELDERLY_CARE", "title", TITLE));
        String key = UUID.randomUUID().toString();
        JsonNode recorded = body(post(contacts, carer, request, key).expectStatus().isCreated());
        UUID wish = UUID.fromString(recorded.path("wishId").asString());
        JsonNode replayed = body(post(contacts, carer, request, key).expectStatus().isCreated().expectHeader()
                .valueEquals("Idempotent-Replayed", "true"));
        assertThat(replayed.path("wishId").asString()).isEqualTo(wish.toString());
        post(contacts, staff, request).expectStatus().isEqualTo(409);

        List<JsonNode> raised = wishRaised(id);
        assertThat(raised).as("raised once, with the contact").hasSize(1);
        JsonNode event = raised.get(0);
        assertThat(event.path("wishId").asString()).isEqualTo(wish.toString());
        assertThat(event.path("contactId").asString()).isEqualTo(recorded.path("id").asString());
        assertThat(event.path("householdId").asString()).isEqualTo(household.toString());
        assertThat(event.path("gridId").asString()).isEqualTo(place.grid().toString());
        assertThat(event.path("microGridId").asString()).isEqualTo(place.microGrid().toString());
        assertThat(event.path("category").asString()).isEqualTo("ELDERLY_CARE");
        assertThat(event.path("title").asString()).isEqualTo(TITLE);
        assertThat(event.path("carer").asString()).isEqualTo("member-" + carerId);
        assertThat(event.propertyNames()).doesNotContain("name", "phone", "address", "note", "groups");
        assertThat(event.toString()).as("no address, groups or note")
                .doesNotContain("太平街", "1单元", "ELDERLY_ALONE", "孙子", "听清");

        JsonNode page = get("/api/care-recipients/" + id, carer);
        assertThat(page.path("wishes")).hasSize(1);
        assertThat(page.path("wishes").path(0).path("wishId").asString()).isEqualTo(wish.toString());
        assertThat(page.path("wishes").path(0).path("status").asString()).isEqualTo("ORDERED");

        Instant submitted = Instant.now().plusSeconds(1);
        submitted(wish, place, submitted);
        announced(EventType.WISH_DISPATCHED, wish, "DISPATCHED", submitted.plusSeconds(60));
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    "DISPATCHED".equals(get("/api/care-recipients/" + id, carer).path("wishes").path(0).path("status").asString()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("care_wish " + db.sql("select wish_id::text || ' ' || status || ' ' || status_at::text from care_wish")
                    .map(row -> row.get(0, String.class)).all().collectList().block() + " inbox " + db.sql(
                    "select consumer || ' ' || event_type from kit_inbox").map(row -> row.get(0, String.class)).all()
                    .collectList().block() + " sent at " + submitted, e);
        }
        // redelivered late: the older announcement does not turn the wish back; another wish changes nothing here
        submitted(wish, place, submitted);
        announced(EventType.WISH_CANCELLED, UUID.randomUUID(), "CANCELLED", submitted.plusSeconds(120));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> db.sql(
                "select count(*) from kit_inbox where consumer = 'fieldwork-service.care-wishes'").map(row -> row.get(0, Long.class))
                .one().block() >= 4);
        JsonNode after = get("/api/care-recipients/" + id, staff).path("wishes").path(0);
        assertThat(after.path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(after.path("title").asString()).isEqualTo(TITLE);
    }
}
