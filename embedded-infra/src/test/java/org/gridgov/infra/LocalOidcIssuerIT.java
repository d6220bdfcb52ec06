package org.gridgov.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalOidcIssuerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_token_from_the_endpoint_validates_against_the_jwks_and_carries_the_claims() throws Exception {
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().start()) {
            HttpResponse<String> response = post(issuer, """
                    {"sub":"staff-1","roles":["GRID_STAFF"],"jurisdiction":"grid-1","unit":null,"member":null,
                     "scope":null,"expiresInSeconds":600}""");

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> body = JSONObjectUtils.parse(response.body());
            assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 600L);

            JWTClaimsSet claims = verify(issuer, (String) body.get("access_token"));
            assertThat(claims.getIssuer()).isEqualTo(issuer.issuerUri());
            assertThat(claims.getSubject()).isEqualTo("staff-1");
            assertThat(claims.getAudience()).containsExactly("gridgov");
            assertThat(claims.getJWTID()).isNotBlank();
            assertThat(claims.getStringListClaim("roles")).containsExactly("GRID_STAFF");
            assertThat(claims.getStringClaim("jurisdiction")).isEqualTo("grid-1");
            assertThat(claims.getClaims()).doesNotContainKeys("unit", "member", "scope");
            assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(600_000);
        }
    }

    @Test
    void the_discovery_document_points_at_the_jwks_and_token_endpoint() throws Exception {
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().start()) {
            HttpResponse<String> response = get(issuer.issuerUri() + LocalOidcIssuer.DISCOVERY_PATH);

            Map<String, Object> discovery = JSONObjectUtils.parse(response.body());
            assertThat(discovery).containsEntry("issuer", issuer.issuerUri())
                    .containsEntry("jwks_uri", issuer.jwksUri())
                    .containsEntry("token_endpoint", issuer.tokenUri())
                    .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"));
        }
    }

    @Test
    void a_malformed_body_is_a_400_problem() throws Exception {
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().start()) {
            HttpResponse<String> response = post(issuer, "{\"roles\":[\"RESIDENT\"]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSONObjectUtils.parse(response.body())).containsEntry("status", 400L);
        }
    }

    @Test
    void an_expired_token_can_be_issued_and_is_refused_by_a_validator() throws Exception {
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().start()) {
            String token = issuer.issue(TokenRequest.of("resident-1", "RESIDENT").withExpiresIn(Duration.ofMinutes(-5)));

            assertThatThrownBy(() -> verify(issuer, token)).isInstanceOf(BadJWTException.class);
        }
    }

    @Test
    void a_kept_key_keeps_earlier_tokens_valid_after_a_restart(@TempDir Path keys) throws Exception {
        String token;
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().keyDirectory(keys).start()) {
            token = issuer.issue(TokenRequest.of("unit-1", "UNIT").withUnit("u-1"));
        }
        try (LocalOidcIssuer restarted = LocalOidcIssuer.builder().keyDirectory(keys).start()) {
            assertThat(verify(restarted, token).getStringClaim("unit")).isEqualTo("u-1");
        }
    }

    private static JWTClaimsSet verify(LocalOidcIssuer issuer, String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(new URL(issuer.jwksUri())).retrying(false).build()));
        return processor.process(token, null);
    }

    private HttpResponse<String> post(LocalOidcIssuer issuer, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
