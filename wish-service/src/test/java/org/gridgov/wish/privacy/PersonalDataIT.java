package org.gridgov.wish.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** The resident's name, phone and address: who sees them in clear, and where they never appear. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataIT extends WishIntegrationTest {

    private static final String MASKED_PHONE = "138****5678";

    @Autowired
    private DatabaseClient db;

    private JsonNode residentAsSeenBy(String token, UUID wish) {
        return getJson(token, "/api/wishes/" + wish).get("resident");
    }

    private void seesInClear(String token, UUID wish, Neighbourhood n) {
        JsonNode resident = residentAsSeenBy(token, wish);
        assertThat(resident.get("masked").asBoolean()).isFalse();
        assertThat(resident.get("name").asString()).isEqualTo("张三丰");
        assertThat(resident.get("phone").asString()).isEqualTo(PHONE);
        assertThat(resident.get("address").asString()).isEqualTo(n.address);
    }

    private void seesMasked(String token, UUID wish) {
        JsonNode resident = residentAsSeenBy(token, wish);
        assertThat(resident.get("masked").asBoolean()).isTrue();
        assertThat(resident.get("name").asString()).isEqualTo("张**");
        assertThat(resident.get("phone").asString()).isEqualTo(MASKED_PHONE);
        assertThat(resident.get("address").asString()).endsWith("****").doesNotContain("501");
    }

    @Test
    void the_resident_the_staff_of_the_grid_and_the_serving_claimer_see_it_everyone_else_sees_it_masked() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-privacy");
        UUID wish = submit(resident, n);

        seesInClear(resident, wish, n);
        seesInClear(staffOf(n.grid), wish, n);
        seesMasked(admin("COMMUNITY_ADMIN", n.community), wish);
        get(staffOf(n.otherGrid), "/api/wishes/" + wish).expectStatus().isNotFound();

        command(staffOf(n.grid), wish, "dispatch", "{}").expectStatus().isOk();
        seesMasked(unit(n.unitA), wish);
        seesMasked(partyMember(n.member), wish);

        command(unit(n.unitA), wish, "claim", null).expectStatus().isOk();
        seesInClear(unit(n.unitA), wish, n);
        seesMasked(unit(n.unitB), wish);

        command(unit(n.unitA), wish, "release", "{\"reason\":\"人手不够\"}").expectStatus().isOk();
        seesMasked(unit(n.unitA), wish);

        command(partyMember(n.member), wish, "claim", null).expectStatus().isOk();
        seesInClear(partyMember(n.member), wish, n);
        command(partyMember(n.member), wish, "fulfil", "{\"note\":\"完成\"}").expectStatus().isOk();
        seesInClear(partyMember(n.member), wish, n);
        command(resident, wish, "close", "{\"rating\":4}").expectStatus().isOk();
        seesMasked(partyMember(n.member), wish);
        seesInClear(resident, wish, n);
    }

    @Test
    void lists_mask_per_wish_and_command_answers_never_carry_it() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-privacy-list");
        JsonNode created = post(resident, "/api/wishes", wishBody(n.address), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("resident").get("phone").asString()).isEqualTo(MASKED_PHONE);

        JsonNode asStaff = getJson(staffOf(n.grid), "/api/wishes?grid=" + n.grid).get("items").get(0);
        assertThat(asStaff.get("resident").get("phone").asString()).isEqualTo(PHONE);
        JsonNode asAdmin = getJson(admin("STREET_ADMIN", n.street), "/api/wishes?grid=" + n.grid).get("items").get(0);
        assertThat(asAdmin.get("resident").get("phone").asString()).isEqualTo(MASKED_PHONE);

        UUID wish = UUID.fromString(created.get("id").asString());
        JsonNode history = getJson(unit(n.unitA), "/api/wishes/" + wish + "/history").get("items").get(0);
        assertThat(history.get("actor").has("id") && !history.get("actor").get("id").isNull())
                .as("a unit does not learn who the resident is").isFalse();
    }

    @Test
    void it_is_encrypted_at_rest_and_never_published_nor_logged(CapturedOutput output) {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-privacy-rest");
        JsonNode created = post(resident, "/api/wishes", wishBody(n.address), "privacy-order").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        UUID wish = UUID.fromString(created.get("id").asString());
        command(staffOf(n.grid), wish, "dispatch", "{}").expectStatus().isOk();
        command(unit(n.unitA), wish, "claim", null).expectStatus().isOk();
        post(resident, "/api/wishes", wishBody("无此地址"), null).expectStatus().isEqualTo(422);

        String stored = db.sql("select personal_data from wish where id = :id").bind("id", wish)
                .map(row -> row.get("personal_data", String.class)).one().block();
        assertThat(stored).startsWith("v1.").doesNotContain(PHONE, "张三丰", "单元501", "朝华");
        List<String> everythingStored = db.sql("select w::text as row from wish w where id = :id "
                        + "union all select h::text from wish_history h where wish_id = :id "
                        + "union all select i::text from kit_idempotency i where key = 'privacy-order' "
                        + "union all select o.data::text from kit_outbox o where subject = :subject "
                        + "union all select address_key from household")
                .bind("id", wish).bind("subject", wish.toString())
                .map(row -> row.get("row", String.class)).all().collectList().block();
        assertThat(everythingStored).isNotEmpty()
                .allSatisfy(row -> assertThat(row).doesNotContain(PHONE, "张三丰", n.address));

        awaitEvents("org.gridgov.wish.claimed.v1", wish, 1);
        assertThat(wishEvents().settle(record -> wish.toString().equals(record.key()), Duration.ofSeconds(1)))
                .allSatisfy(record -> assertThat(KafkaTopicReader.value(record)).doesNotContain(PHONE, "张三丰", "单元501"));
        assertThat(output.getAll()).doesNotContain(PHONE, "张三丰", n.address);
    }
}
