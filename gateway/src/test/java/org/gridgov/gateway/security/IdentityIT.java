package org.gridgov.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.gridgov.gateway.GatewayIntegrationTest;
import org.gridgov.gateway.support.RecordingBackend.ReceivedRequest;
import org.gridgov.infra.TokenRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Who may come through: only bearers of a valid token from the configured issuer, as themselves. */
class IdentityIT extends GatewayIntegrationTest {

    private static final String NODES = "/api/grid/nodes";

    @Test
    void a_call_without_a_token_is_refused_with_401_problem() {
        String id = requestId();
        refusedAsUnauthenticated(web.get().uri(NODES).header("X-Correlation-Id", id).exchange());
        assertThat(backends.grid.received(id)).isEmpty();
    }

    @Test
    void an_expired_token_is_refused_with_401_problem() {
        String expired = token(TokenRequest.of("resident-1", "RESIDENT").withExpiresIn(Duration.ofMinutes(-5)));
        assertRefused(expired);
    }

    @Test
    void a_token_from_another_issuer_is_refused_with_401_problem() throws JOSEException {
        assertRefused(signedElsewhere("http://127.0.0.1:1"));
    }

    @Test
    void a_token_naming_the_issuer_but_signed_with_another_key_is_refused_with_401_problem() throws JOSEException {
        assertRefused(signedElsewhere(infrastructure().issuer().issuerUri()));
    }

    @Test
    void a_token_whose_claims_were_changed_after_signing_is_refused_with_401_problem() {
        String[] parts = token("RESIDENT").split("\\.");
        String claims = decode(parts[1]);
        assertThat(claims).contains("\"RESIDENT\"");
        String promoted = encode(claims.replace("\"RESIDENT\"", "\"DISTRICT_ADMIN\""));
        assertRefused(parts[0] + "." + promoted + "." + parts[2]);
    }

    @Test
    void an_unsigned_token_is_refused_with_401_problem() {
        String[] parts = token("DISTRICT_ADMIN").split("\\.");
        assertRefused(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    }

    @Test
    void a_role_that_can_never_make_the_call_is_refused_with_403_problem_before_the_service() {
        String id = requestId();
        web.post().uri("/api/grid/imports")
                .headers(as(token("RESIDENT"), id))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/forbidden")
                .jsonPath("$.status").isEqualTo(403);
        assertThat(backends.grid.received(id)).isEmpty();
    }

    @Test
    void identity_headers_sent_by_the_caller_never_reach_a_service() {
        String id = requestId();
        web.get().uri(NODES)
                .headers(as(token("RESIDENT"), id))
                .headers(h -> {
                    h.set("X-User-Id", "district-admin-1");
                    h.set("X-User-Roles", "DISTRICT_ADMIN");
                    h.set("X-Roles", "DISTRICT_ADMIN");
                    h.set("X-Jurisdiction", "another-community");
                    h.set("X-Unit", "unit-9");
                    h.set("X-Member", "member-9");
                    h.set("X-Forwarded-User", "district-admin-1");
                    h.set("X-Auth-Request-User", "district-admin-1");
                    h.set("Remote-User", "district-admin-1");
                    h.set("Accept-Language", "zh-CN");
                })
                .exchange()
                .expectStatus().isOk();

        List<ReceivedRequest> received = backends.grid.received(id);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).headers().headerNames())
                .noneMatch(name -> name.toLowerCase().startsWith("x-user"))
                .noneMatch(name -> List.of("x-roles", "x-jurisdiction", "x-unit", "x-member", "x-forwarded-user",
                        "x-auth-request-user", "remote-user").contains(name.toLowerCase()));
        // ordinary headers pass
        assertThat(received.get(0).headers().getFirst("Accept-Language")).isEqualTo("zh-CN");
    }

    @Test
    void the_gateway_hands_out_no_tokens_even_where_the_local_issuer_does() {
        web.post().uri("/local/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"me\",\"roles\":[\"DISTRICT_ADMIN\"]}")
                .exchange()
                .expectStatus().isUnauthorized();
        web.post().uri("/local/token").headers(h -> h.setBearerAuth(token("RESIDENT")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"sub\":\"me\",\"roles\":[\"DISTRICT_ADMIN\"]}")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.access_token").doesNotExist();
    }

    private void assertRefused(String token) {
        String id = requestId();
        refusedAsUnauthenticated(web.get().uri(NODES)
                .headers(as(token, id))
                .exchange());
        assertThat(backends.grid.received(id)).isEmpty();
    }

    private static void refusedAsUnauthenticated(ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", value -> assertThat(value).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401);
    }

    /** A well-formed RS256 token for a district admin, signed with a key this platform has never seen. */
    private static String signedElsewhere(String issuer) throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID("foreign").generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("intruder").audience("gridgov")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of("DISTRICT_ADMIN")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
