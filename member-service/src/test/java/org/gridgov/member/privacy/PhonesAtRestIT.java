package org.gridgov.member.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Phones are personal data: what a database dump shows of party members', unit contacts' and volunteers'
 * phones is ciphertext, while the people allowed to see a phone still read it in full — and a phone an
 * earlier version stored in clear is sealed at the next start without losing it.
 */
class PhonesAtRestIT extends MemberServiceIntegrationTest {

    @Autowired
    DatabaseClient db;

    @Autowired
    LegacyPhones legacyPhones;

    @Test
    void members_unit_contacts_and_volunteers_phones_are_stored_sealed_and_read_back_in_full() {
        Community community = newCommunity();
        UUID member = registerMember(community, "张三", "IN_SERVICE");
        UUID unit = joinUnit(community, "敦仁小学");
        UUID volunteer = UUID.fromString(post("/api/volunteers", admin(community.id()), Map.of("name", "赵阿姨",
                "communityId", community.id().toString(), "phone", "13955556666")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString());

        assertThat(List.of(stored("party_member", "id", member), stored("member_unit_contact", "unit_id", unit),
                stored("volunteer", "id", volunteer)))
                .allSatisfy(phone -> assertThat(phone).startsWith("v1.").doesNotContain("1381234", "1390000", "1395555"));

        get("/api/members/" + member, partyMember(member)).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("13812345678");
        get("/api/units/" + unit, unit(unit)).expectStatus().isOk().expectBody()
                .jsonPath("$.contacts[0].phone").isEqualTo("13900001111");
        get("/api/volunteers/" + volunteer, tokenFor(TokenRequest.of("volunteer-" + volunteer, "VOLUNTEER")
                .withMember(volunteer.toString()))).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("13955556666");
    }

    @Test
    void a_phone_stored_in_clear_by_an_earlier_version_is_sealed_at_start_and_still_shown_to_its_owner() {
        Community community = newCommunity();
        UUID member = registerMember(community, "李四", "RETIRED");
        db.sql("update party_member set phone = '13700001234' where id = :id").bind("id", member)
                .fetch().rowsUpdated().block();
        get("/api/members/" + member, partyMember(member)).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("13700001234");

        legacyPhones.sealOnStart();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(stored("party_member", "id", member)).startsWith("v1.").doesNotContain("1370000"));
        get("/api/members/" + member, partyMember(member)).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("13700001234");
    }

    private String stored(String table, String idColumn, UUID id) {
        return db.sql("select phone from " + table + " where " + idColumn + " = :id").bind("id", id)
                .map(row -> row.get("phone", String.class)).first().block();
    }
}
