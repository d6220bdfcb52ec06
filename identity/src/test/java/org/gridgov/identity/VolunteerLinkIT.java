package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.IdentityServer.APPS_SERVICE_SECRET;
import static org.gridgov.identity.IdentityServer.MEMBER_SERVICE_SECRET;
import static org.gridgov.identity.IdentityServer.basic;
import static org.gridgov.identity.IdentityServer.browser;
import static org.gridgov.identity.IdentityServer.json;
import static org.gridgov.identity.IdentityServer.postForm;
import static org.gridgov.identity.IdentityServer.sendJson;
import static org.gridgov.identity.IdentityServer.verify;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

/**
 * A resident who registers themself as a volunteer (member-service) gets the role VOLUNTEER and the claim member in
 * the tokens they sign in to afterwards — linked by member-service's own client, once, and by nobody else.
 */
class VolunteerLinkIT extends IdentityServerTest {

    private static final String COMMUNITY = "6a1c5c1e-0000-4000-8000-000000000002";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_resident_signs_in_as_the_volunteer_after_member_service_links_them_and_a_repeat_changes_nothing() throws Exception {
        IdentityServer.user("jumin-volunteer", "gridgov-demo", """
                {"name":"居民","roles":["RESIDENT"],"jurisdiction":"%s"}""".formatted(COMMUNITY));
        UUID volunteer = UUID.randomUUID();
        String member = serviceToken("member-accounts", MEMBER_SERVICE_SECRET, "users:link");

        assertThat(link(member, "jumin-volunteer", volunteer.toString()).statusCode()).isEqualTo(204);
        assertThat(link(member, "jumin-volunteer", volunteer.toString()).statusCode()).isEqualTo(204);

        String verifier = ConsoleSignInIT.verifier();
        JWTClaimsSet claims = verify(ConsoleSignInIT.signIn(browser(), "jumin-volunteer", "gridgov-demo", verifier)
                .path("access_token").asString());
        assertThat(claims.getStringListClaim("roles")).containsExactly("RESIDENT", "VOLUNTEER");
        assertThat(claims.getStringClaim("member")).isEqualTo(volunteer.toString());
        assertThat(claims.getStringClaim("jurisdiction")).isEqualTo(COMMUNITY);
    }

    @Test
    void an_account_that_is_another_member_already_or_none_at_all_is_refused_with_a_problem() throws Exception {
        IdentityServer.user("dangyuan-link", "gridgov-demo", """
                {"name":"党员","roles":["PARTY_MEMBER"],"jurisdiction":"%s","member":"%s"}""".formatted(COMMUNITY, UUID.randomUUID()));
        String member = serviceToken("member-accounts", MEMBER_SERVICE_SECRET, "users:link");

        HttpResponse<String> taken = link(member, "dangyuan-link", UUID.randomUUID().toString());
        HttpResponse<String> nobody = link(member, "nobody-at-all", UUID.randomUUID().toString());
        HttpResponse<String> notAnId = link(member, "dangyuan-link", "volunteer-1");

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(json(notAnId).path("errors").toString()).contains("memberId");
    }

    @Test
    void only_member_services_client_may_link_an_account() throws Exception {
        IdentityServer.user("jumin-intruded", "gridgov-demo", """
                {"name":"居民","roles":["RESIDENT"],"jurisdiction":"%s"}""".formatted(COMMUNITY));
        String apps = serviceToken("apps-registry", APPS_SERVICE_SECRET, "clients:write");

        assertThat(sendJson(http, "PUT", "/internal/users/jumin-intruded/volunteer", body(UUID.randomUUID().toString()))
                .statusCode()).isEqualTo(401);
        assertThat(link(apps, "jumin-intruded", UUID.randomUUID().toString()).statusCode()).isEqualTo(403);
        // and member-service's client registers no apps
        String member = serviceToken("member-accounts", MEMBER_SERVICE_SECRET, "users:link");
        assertThat(sendJson(http, "PUT", "/internal/clients/sneaky-app", "{\"secret\":\"sneaky-secret-0123456789\"}",
                "Authorization", "Bearer " + member).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> link(String token, String username, String memberId) throws Exception {
        return sendJson(http, "PUT", "/internal/users/" + username + "/volunteer", body(memberId), "Authorization", "Bearer " + token);
    }

    private static String body(String memberId) {
        return "{\"memberId\":\"" + memberId + "\"}";
    }

    private String serviceToken(String clientId, String secret, String scope) throws Exception {
        HttpResponse<String> response = postForm(http, "/oauth2/token", Map.of("grant_type", "client_credentials", "scope", scope),
                "Authorization", basic(clientId, secret));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("access_token").asString();
    }
}
