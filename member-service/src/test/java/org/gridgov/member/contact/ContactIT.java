package org.gridgov.member.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The phones apps-service reads at the moment it texts a party member or a member unit: only with a service token
 * holding the scope contacts:read, never through the public API, and a 404 when there is nobody or no phone.
 */
class ContactIT extends MemberServiceIntegrationTest {

    private static String service(String scope) {
        return tokenFor(TokenRequest.of("apps-service", "CLIENT").withScope(scope));
    }

    @Test
    void apps_service_reads_a_members_and_a_units_phone_with_the_contacts_scope_and_nobody_else_does() {
        Community community = newCommunity();
        UUID member = registerMember(community, "张三", "IN_SERVICE");
        UUID unit = joinUnit(community, "敦仁小学");

        get("/internal/members/" + member + "/contact", service("contacts:read")).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("13812345678");
        get("/internal/units/" + unit + "/contact", service("contacts:read")).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("13900001111");

        for (String other : List.of(service("wishes:read"), partyMember(member), admin(community.id()), unit(unit))) {
            get("/internal/members/" + member + "/contact", other).expectStatus().isForbidden();
            get("/internal/units/" + unit + "/contact", other).expectStatus().isForbidden();
        }
        web.get().uri("/internal/members/" + member + "/contact").exchange().expectStatus().isUnauthorized();
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .value(api -> assertThat(api).doesNotContain("/internal/"));
    }

    @Test
    void nobody_or_no_phone_is_a_not_found() {
        Community community = newCommunity();
        UUID silent = UUID.fromString(post("/api/members", admin(community.id()), Map.of("name", "李四", "kind", "RETIRED",
                "communityId", community.id().toString())).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
        get("/internal/members/" + silent + "/contact", service("contacts:read")).expectStatus().isNotFound();
        get("/internal/members/" + UUID.randomUUID() + "/contact", service("contacts:read")).expectStatus().isNotFound();
        get("/internal/units/" + UUID.randomUUID() + "/contact", service("contacts:read")).expectStatus().isNotFound();
        get("/internal/units/not-an-id/contact", service("contacts:read")).expectStatus().isBadRequest();
    }
}
