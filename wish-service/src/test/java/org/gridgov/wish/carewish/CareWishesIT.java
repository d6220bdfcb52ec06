package org.gridgov.wish.carewish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.gridgov.wish.readmodel.HouseholdDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * 四个一 · 每年一个心愿: a care recipient's yearly wish raised in fieldwork-service
 * ({@code org.gridgov.care-recipient.wish-raised.v1}) is ordered as a micro-wish where the household lives, under the id
 * fieldwork-service chose, once however often the event arrives, without anybody's name, phone or address; the grid
 * sees it on its dispatch board and the ordinary dispatch → claim → fulfil → close loop serves it.
 */
class CareWishesIT extends WishIntegrationTest {

    private static final String TITLE = "为独居老人配一副助听设备";

    @Autowired
    HouseholdDirectory households;

    @Autowired
    DatabaseClient db;

    private static void send(String topic, String type, UUID subject, String data) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CloudEventKafka.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), type,
                    topic.replace(".events", "") + "-service", subject.toString(), Instant.now(), Optional.empty(), data)));
        }
    }

    private static void raised(UUID recipient, UUID contact, UUID wish, UUID household, UUID microGrid, Neighbourhood n,
                               Instant at) {
        send("fieldwork.events", "org.gridgov.care-recipient.wish-raised.v1", recipient, """
                {"recipientId":"%s","contactId":"%s","wishId":"%s","householdId":"%s","microGridId":"%s","gridId":"%s",
                 "communityId":"%s","category":"ELDERLY_CARE","title":"%s","carer":"staff-li","occurredAt":"%s"}"""
                .formatted(recipient, contact, wish, household, microGrid, n.grid, n.community, TITLE, at));
    }

    @Test
    void a_yearly_wish_raised_twice_is_one_wish_where_the_household_lives_served_by_the_ordinary_loop() {
        Neighbourhood n = neighbourhood();
        // the household moved to the other grid since fieldwork-service placed the recipient: where it lives wins
        UUID household = UUID.randomUUID();
        send("grid.events", "org.gridgov.household.registered.v1", household, """
                {"householdId":"%s","kind":"RESIDENT","microGridId":"%s","address":"%s","occurredAt":"%s"}"""
                .formatted(household, n.otherMicroGrid, n.otherGridAddress.replace("101", "102") + "室", Instant.now()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> households.locateHousehold(household).blockOptional().isPresent());

        UUID recipient = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID wish = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(5);
        raised(recipient, contact, wish, household, n.microGrid, n, at);
        raised(recipient, contact, wish, household, n.microGrid, n, at);

        String staff = staffOf(n.otherGrid);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(staff, "/api/wishes/" + wish).returnResult(String.class).getStatus().value() == 200);
        JsonNode ordered = getJson(staff, "/api/wishes/" + wish);
        assertThat(ordered.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(ordered.path("title").asString()).isEqualTo(TITLE);
        assertThat(ordered.path("category").asString()).isEqualTo("ELDERLY_CARE");
        assertThat(ordered.path("gridId").asString()).isEqualTo(n.otherGrid.toString());
        assertThat(ordered.path("description").asString()).contains("CARE_YEARLY_WISH");
        JsonNode resident = ordered.path("resident");
        assertThat(resident.path("name").isMissingNode() || resident.path("name").isNull()).as("nobody named").isTrue();
        assertThat(resident.path("phone").asString()).isEmpty();
        assertThat(resident.path("address").asString()).as("no address in wish-service's copy").isEmpty();
        get(staffOf(n.grid), "/api/wishes/" + wish).expectStatus().isNotFound();

        JsonNode board = getJson(staff, "/api/wishes?status=SUBMITTED&grid=" + n.otherGrid);
        assertThat(board.path("items")).extracting(item -> item.path("id").asString()).contains(wish.toString());

        awaitEvents("org.gridgov.wish.submitted.v1", wish, 1);
        assertThat(settledEvents("org.gridgov.wish.submitted.v1", wish)).as("ordered once").hasSize(1);
        assertThat(db.sql("select count(*) from care_wish where wish_id = :id and recipient_id = :recipient")
                .bind("id", wish).bind("recipient", recipient).map(row -> row.get(0, Long.class)).one().block())
                .as("the source recorded once").isEqualTo(1L);

        command(staff, wish, "dispatch", "{\"note\":\"四个一心愿，请认领\"}").expectStatus().isOk();
        command(unit(n.unitA), wish, "claim", null).expectStatus().isOk();
        command(unit(n.unitA), wish, "fulfil", "{\"note\":\"已配好并上门调试\",\"servedMemberIds\":[\"" + n.member + "\"]}")
                .expectStatus().isOk();
        command(staff, wish, "close", "{\"comment\":\"老人很满意\"}").expectStatus().isOk();
        assertThat(getJson(staff, "/api/wishes/" + wish).path("status").asString()).isEqualTo("CLOSED");
        assertThat(settledTransitionEvents(wish)).containsExactly("submitted", "dispatched", "claimed", "fulfilled", "closed");
    }
}
