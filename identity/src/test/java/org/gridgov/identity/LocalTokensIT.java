package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.IdentityServer.ISSUER;
import static org.gridgov.identity.IdentityServer.json;
import static org.gridgov.identity.IdentityServer.sendJson;
import static org.gridgov.identity.IdentityServer.verify;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

/** The test-only persona tokens ({@code gridgov.identity.local-tokens=true}): the former local issuer's JSON, this server's key. */
class LocalTokensIT extends IdentityServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_persona_token_carries_exactly_the_requested_claims_and_is_signed_with_the_servers_kept_key() throws Exception {
        HttpResponse<String> response = sendJson(http, "POST", "/local/token", """
                {"sub":"staff-1","roles":["GRID_STAFF"],"jurisdiction":"grid-1","unit":null,"member":null,
                 "scope":null,"department":"dept-1","expiresInSeconds":600}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("token_type").asString()).isEqualTo("Bearer");
        assertThat(json(response).path("expires_in").asLong()).isEqualTo(600);
        JWTClaimsSet claims = verify(json(response).path("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("staff-1");
        assertThat(claims.getAudience()).containsExactly("gridgov");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringListClaim("roles")).containsExactly("GRID_STAFF");
        assertThat(claims.getStringClaim("jurisdiction")).isEqualTo("grid-1");
        assertThat(claims.getStringClaim("department")).isEqualTo("dept-1");
        assertThat(claims.getClaims()).doesNotContainKeys("unit", "member", "scope");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(600_000);
        assertThat(Files.readString(IdentityServer.keyDirectory().resolve("signing-key.json"))).contains("\"d\"");
    }

    @Test
    void a_negative_lifetime_gives_a_token_that_has_already_expired() throws Exception {
        HttpResponse<String> response = sendJson(http, "POST", "/local/token",
                "{\"sub\":\"resident-1\",\"roles\":[\"RESIDENT\"],\"expiresInSeconds\":-300}");

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(json(response).path("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getExpirationTime()).isBefore(Date.from(Instant.now().minusSeconds(240)));
        assertThat(claims.getIssueTime()).isBefore(claims.getExpirationTime());
    }

    @Test
    void a_malformed_request_is_a_400_problem_naming_the_field() throws Exception {
        HttpResponse<String> noSubject = sendJson(http, "POST", "/local/token", "{\"roles\":[\"RESIDENT\"]}");
        HttpResponse<String> badRoles = sendJson(http, "POST", "/local/token", "{\"sub\":\"x\",\"roles\":\"RESIDENT\"}");

        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(noSubject.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(noSubject).path("errors").get(0).path("field").asString()).isEqualTo("sub");
        assertThat(badRoles.statusCode()).isEqualTo(400);
        assertThat(json(badRoles).path("errors").get(0).path("field").asString()).isEqualTo("roles");
    }
}
