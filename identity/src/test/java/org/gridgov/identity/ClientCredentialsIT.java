package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.IdentityServer.APPS_SERVICE_SECRET;
import static org.gridgov.identity.IdentityServer.basic;
import static org.gridgov.identity.IdentityServer.json;
import static org.gridgov.identity.IdentityServer.postForm;
import static org.gridgov.identity.IdentityServer.sendJson;
import static org.gridgov.identity.IdentityServer.verify;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Third-party apps: apps-service registers and revokes their clients through the admin API with its
 * own token; an app gets CLIENT tokens with its scopes and jurisdiction; a revoked one gets none.
 */
class ClientCredentialsIT extends IdentityServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_registered_app_gets_a_client_token_with_its_scopes_and_jurisdiction_and_none_once_revoked() throws Exception {
        String admin = appsServiceToken();
        assertThat(register(admin, "app-1", """
                {"secret":"app-1-secret-0123456789","scope":"wishes:read wishes:write","jurisdiction":"community-1"}""")
                .statusCode()).isEqualTo(204);

        HttpResponse<String> token = clientToken("app-1", "app-1-secret-0123456789", Map.of());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode body = json(token);
        assertThat(body.path("expires_in").asLong()).isBetween(590L, 600L);
        JWTClaimsSet claims = verify(body.path("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("app-1");
        assertThat(claims.getAudience()).containsExactly("gridgov");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CLIENT");
        assertThat(claims.getStringClaim("jurisdiction")).isEqualTo("community-1");
        assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("wishes:read", "wishes:write");

        HttpResponse<String> wrongSecret = clientToken("app-1", "not-the-secret-at-all", Map.of());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret).path("error").asString()).isEqualTo("invalid_client");

        assertThat(sendJson(http, "DELETE", "/internal/clients/app-1", null, "Authorization", "Bearer " + admin).statusCode())
                .isEqualTo(204);
        HttpResponse<String> revoked = clientToken("app-1", "app-1-secret-0123456789", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json(revoked).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void an_app_may_ask_for_fewer_scopes_but_never_more() throws Exception {
        register(appsServiceToken(), "app-2", "{\"secret\":\"app-2-secret-0123456789\",\"scope\":\"wishes:read kpis:read\"}");

        HttpResponse<String> narrower = clientToken("app-2", "app-2-secret-0123456789", Map.of("scope", "kpis:read"));
        HttpResponse<String> wider = clientToken("app-2", "app-2-secret-0123456789", Map.of("scope", "wishes:write"));

        assertThat(narrower.statusCode()).isEqualTo(200);
        assertThat(verify(json(narrower).path("access_token").asString()).getStringListClaim("scope")).containsExactly("kpis:read");
        assertThat(wider.statusCode()).isEqualTo(400);
        assertThat(json(wider).path("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void the_admin_api_wants_a_token_with_clients_write_and_nobody_else_gets_in() throws Exception {
        String body = "{\"secret\":\"intruder-secret-0123456789\",\"scope\":\"wishes:read\"}";
        register(appsServiceToken(), "app-3", "{\"secret\":\"app-3-secret-0123456789\",\"scope\":\"wishes:read\"}");
        String appToken = json(clientToken("app-3", "app-3-secret-0123456789", Map.of())).path("access_token").asString();

        assertThat(sendJson(http, "PUT", "/internal/clients/intruder", body).statusCode()).isEqualTo(401);
        assertThat(register(appToken, "intruder", body).statusCode()).isEqualTo(403);
        assertThat(clientToken("intruder", "intruder-secret-0123456789", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void a_bad_registration_is_a_400_problem_naming_the_field_and_registers_nothing() throws Exception {
        String admin = appsServiceToken();

        HttpResponse<String> noSecret = register(admin, "app-4", "{\"scope\":\"wishes:read\"}");
        HttpResponse<String> badScope = register(admin, "app-4", "{\"secret\":\"app-4-secret-0123456789\",\"scope\":7}");
        HttpResponse<String> adminScope = register(admin, "app-4",
                "{\"secret\":\"app-4-secret-0123456789\",\"scope\":\"clients:write\"}");
        HttpResponse<String> notJson = register(admin, "app-4", "secret=x");

        for (HttpResponse<String> response : java.util.List.of(noSecret, badScope, adminScope, notJson)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(json(noSecret).path("errors").get(0).path("field").asString()).isEqualTo("secret");
        assertThat(json(badScope).path("errors").get(0).path("field").asString()).isEqualTo("scope");
        assertThat(json(adminScope).path("errors").get(0).path("field").asString()).isEqualTo("scope");
        assertThat(clientToken("app-4", "app-4-secret-0123456789", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void no_app_and_no_local_set_up_takes_the_client_id_of_the_console_or_of_a_platform_service() throws Exception {
        String body = "{\"secret\":\"taken-over-secret-0123456789\",\"scope\":\"wishes:read\"}";

        HttpResponse<String> console = register(appsServiceToken(), "gridgov-console", body);
        HttpResponse<String> registry = sendJson(http, "PUT", "/local/clients/apps-registry", body);

        assertThat(console.statusCode()).isEqualTo(400);
        assertThat(json(console).path("errors").get(0).path("field").asString()).isEqualTo("clientId");
        assertThat(registry.statusCode()).isEqualTo(400);
        assertThat(clientToken("apps-registry", "taken-over-secret-0123456789", Map.of()).statusCode()).isEqualTo(401);
        assertThat(appsServiceToken()).isNotBlank();
    }

    private String appsServiceToken() throws Exception {
        HttpResponse<String> response = clientToken("apps-registry", APPS_SERVICE_SECRET, Map.of("scope", "clients:write"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("access_token").asString();
    }

    private HttpResponse<String> register(String token, String clientId, String body) throws Exception {
        return sendJson(http, "PUT", "/internal/clients/" + clientId, body, "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> clientToken(String clientId, String secret, Map<String, String> extra) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "client_credentials"));
        form.putAll(extra);
        return postForm(http, "/oauth2/token", form, "Authorization", basic(clientId, secret));
    }
}
