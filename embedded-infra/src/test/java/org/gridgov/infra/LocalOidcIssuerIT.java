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
                    .containsEntry("token_endpoint", issuer.clientTokenUri())
                    .containsEntry("grant_types_supported", List.of("client_credentials"))
                    .containsEntry("local_token_endpoint", issuer.tokenUri())
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

    @Test
    void a_registered_client_gets_a_client_token_with_its_scopes_and_jurisdiction() throws Exception {
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().start()) {
            assertThat(manage(issuer, "PUT", "app-1", """
                    {"secret":"s3cret","scope":"wishes:read wishes:write","jurisdiction":"community-1"}""").statusCode())
                    .isEqualTo(204);

            HttpResponse<String> response = clientToken(issuer, basic("app-1", "s3cret"), "grant_type=client_credentials");

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> body = JSONObjectUtils.parse(response.body());
            assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900L)
                    .containsEntry("scope", "wishes:read wishes:write");
            JWTClaimsSet claims = verify(issuer, (String) body.get("access_token"));
            assertThat(claims.getSubject()).isEqualTo("app-1");
            assertThat(claims.getStringListClaim("roles")).containsExactly("CLIENT");
            assertThat(claims.getStringClaim("scope")).isEqualTo("wishes:read wishes:write");
            assertThat(claims.getStringClaim("jurisdiction")).isEqualTo("community-1");
            assertThat(claims.getAudience()).containsExactly("gridgov");
        }
    }

    @Test
    void a_client_may_ask_for_fewer_scopes_in_the_form_but_never_more() throws Exception {
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().start()) {
            issuer.registerClient("app-2", "pw", "wishes:read kpis:read", null);

            HttpResponse<String> narrower = clientToken(issuer, null,
                    "grant_type=client_credentials&client_id=app-2&client_secret=pw&scope=kpis%3Aread");
            HttpResponse<String> wider = clientToken(issuer, null,
                    "grant_type=client_credentials&client_id=app-2&client_secret=pw&scope=wishes%3Awrite");

            assertThat(narrower.statusCode()).isEqualTo(200);
            assertThat(verify(issuer, (String) JSONObjectUtils.parse(narrower.body()).get("access_token"))
                    .getStringClaim("scope")).isEqualTo("kpis:read");
            assertThat(wider.statusCode()).isEqualTo(400);
            assertThat(JSONObjectUtils.parse(wider.body())).containsEntry("error", "invalid_scope");
        }
    }

    @Test
    void a_wrong_secret_a_revoked_client_and_another_grant_are_refused_the_oauth_way() throws Exception {
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().start()) {
            issuer.registerClient("app-3", "right", "wishes:read", null);

            HttpResponse<String> wrong = clientToken(issuer, basic("app-3", "wrong"), "grant_type=client_credentials");
            HttpResponse<String> password = clientToken(issuer, basic("app-3", "right"), "grant_type=password");
            assertThat(manage(issuer, "DELETE", "app-3", null).statusCode()).isEqualTo(204);
            HttpResponse<String> revoked = clientToken(issuer, basic("app-3", "right"), "grant_type=client_credentials");

            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(JSONObjectUtils.parse(wrong.body())).containsEntry("error", "invalid_client");
            assertThat(password.statusCode()).isEqualTo(400);
            assertThat(JSONObjectUtils.parse(password.body())).containsEntry("error", "unsupported_grant_type");
            assertThat(revoked.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void registered_clients_survive_a_restart_with_a_kept_key_directory(@TempDir Path keys) throws Exception {
        try (LocalOidcIssuer issuer = LocalOidcIssuer.builder().keyDirectory(keys).start()) {
            issuer.registerClient("app-4", "kept", "kpis:read", null);
        }
        try (LocalOidcIssuer restarted = LocalOidcIssuer.builder().keyDirectory(keys).start()) {
            assertThat(clientToken(restarted, basic("app-4", "kept"), "grant_type=client_credentials").statusCode())
                    .isEqualTo(200);
        }
        assertThat(java.nio.file.Files.readString(keys.resolve("clients.json"))).doesNotContain("kept");
    }

    private HttpResponse<String> clientToken(LocalOidcIssuer issuer, String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer.clientTokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> manage(LocalOidcIssuer issuer, String method, String clientId, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.issuerUri() + LocalOidcIssuer.CLIENTS_PATH + clientId))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String id, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
