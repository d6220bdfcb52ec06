package org.gridgov.wish.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The service-to-service read apps-service sends text messages with: a wish's resident's phone, only to a service
 * token with the scope contacts:read, only for the resident who ordered it, and absent from the public API.
 */
class ResidentContactIT extends WishIntegrationTest {

    private static String service(String scope) {
        return token(TokenRequest.of("apps-service", "CLIENT").withScope(scope));
    }

    private static String path(UUID wish, String subject) {
        return "/internal/wishes/" + wish + "/resident-contact?subject=" + subject;
    }

    @Test
    void apps_service_reads_the_phone_of_the_resident_who_ordered_the_wish_and_nobody_else_does() {
        Neighbourhood n = neighbourhood();
        String subject = "r-contact-" + UUID.randomUUID();
        UUID wish = submit(resident(subject), n);

        assertThat(getJson(service("contacts:read"), path(wish, subject)).get("phone").asString()).isEqualTo(PHONE);
        // another person, another wish, an unknown wish: nothing to learn
        get(service("contacts:read"), path(wish, "someone-else")).expectStatus().isNotFound();
        get(service("contacts:read"), path(UUID.randomUUID(), subject)).expectStatus().isNotFound();
        // only a service holding the scope: not the resident, not the grid's staff, not an app with other scopes
        get(resident(subject), path(wish, subject)).expectStatus().isForbidden();
        get(staffOf(n.grid), path(wish, subject)).expectStatus().isForbidden();
        get(service("wishes:read wishes:personal-data"), path(wish, subject)).expectStatus().isForbidden();
        web.get().uri(path(wish, subject)).exchange().expectStatus().isUnauthorized();
        get(service("contacts:read"), "/internal/wishes/not-an-id/resident-contact?subject=x").expectStatus().isBadRequest();
        get(service("contacts:read"), "/internal/wishes/" + wish + "/resident-contact").expectStatus().isBadRequest();
        // not in the API description (the gateway does not route it)
        assertThat(web.get().uri("/v3/api-docs").exchange().expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain("/internal/");
    }
}
