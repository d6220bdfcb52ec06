package org.gridgov.apps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.kit.test.KafkaTopicReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.gridgov.apps.AppsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClientAppsIT extends AppsIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_district_admin_registers_an_app_and_issues_credentials_shown_once() {
        Neighbourhood n = neighbourhood();
        String admin = admin("DISTRICT_ADMIN", n.district());

        JsonNode app = post(admin, "/api/apps", """
                {"name":"太平街小程序","scopes":["wishes:write","wishes:read"],"jurisdiction":"%s"}""".formatted(n.community()), null)
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/apps/[0-9a-f-]{36}")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = app.get("id").asString();
        JsonNode credentials = post(admin, "/api/apps/" + id + "/credentials", null, null).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode shown = getJson(admin, "/api/apps/" + id);

        assertThat(app.get("name").asString()).isEqualTo("太平街小程序");
        assertThat(app.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(app.get("jurisdiction").asString()).isEqualTo(n.community().toString());
        assertThat(app.get("scopes").toString()).isEqualTo("[\"wishes:read\",\"wishes:write\"]");
        assertThat(credentials.get("clientId").asString()).isEqualTo(id);
        assertThat(credentials.get("apiKey").asString()).startsWith("gg_key_").hasSizeGreaterThan(40);
        assertThat(credentials.get("clientSecret").asString()).startsWith("gg_secret_");
        assertThat(credentials.get("tokenEndpoint").asString()).isEqualTo(infrastructure().issuer().clientTokenUri());
        assertThat(shown.toString()).doesNotContain(credentials.get("apiKey").asString())
                .doesNotContain(credentials.get("clientSecret").asString());
        assertThat(shown.get("credentialsIssuedAt").isNull()).isFalse();
        // wish-service's Open311 door learns the key's hash, never the key or the client secret
        JsonNode issued = JsonMapper.shared().readTree(KafkaTopicReader.value(
                awaitEvents("org.gridgov.app.credentials-issued.v1", UUID.fromString(id), 1).get(0)));
        assertThat(issued.get("apiKeySha256").asString()).isEqualTo(sha256(credentials.get("apiKey").asString()));
        assertThat(issued.get("jurisdiction").asString()).isEqualTo(n.community().toString());
        assertThat(issued.get("scopes").toString()).isEqualTo("[\"wishes:read\",\"wishes:write\"]");
        assertThat(issued.toString()).doesNotContain(credentials.get("apiKey").asString())
                .doesNotContain(credentials.get("clientSecret").asString());
    }

    @Test
    void a_repeated_credentials_request_issues_nothing_new_and_shows_no_secret_again() throws Exception {
        Neighbourhood n = neighbourhood();
        String admin = admin("DISTRICT_ADMIN", n.district());
        String id = post(admin, "/api/apps", """
                {"name":"热线","scopes":["wishes:read"],"jurisdiction":"%s"}""".formatted(n.community()), null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();

        JsonNode first = post(admin, "/api/apps/" + id + "/credentials", null, "issue-1").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode again = post(admin, "/api/apps/" + id + "/credentials", null, "issue-1").expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(again.get("clientId").asString()).isEqualTo(id);
        assertThat(again.get("apiKey").isNull()).isTrue();
        assertThat(again.get("clientSecret").isNull()).isTrue();
        // the first answer's credentials still work: the repeat rotated nothing
        Apps.Registered app = new Apps.Registered(UUID.fromString(id), first.get("apiKey").asString(),
                first.get("clientSecret").asString(), first.get("tokenEndpoint").asString());
        assertThat(clientToken(app).statusCode()).isEqualTo(200);
        // one key announced to the Open311 door: the first answer's
        List<ConsumerRecord<String, byte[]>> issued = awaitEvents("org.gridgov.app.credentials-issued.v1", app.id(), 1);
        assertThat(issued).hasSize(1);
        assertThat(JsonMapper.shared().readTree(KafkaTopicReader.value(issued.get(0))).get("apiKeySha256").asString())
                .isEqualTo(sha256(app.apiKey()));
    }

    @Test
    void only_a_district_admin_covering_the_jurisdiction_manages_apps() {
        Neighbourhood n = neighbourhood();
        String body = "{\"name\":\"app\",\"scopes\":[\"wishes:read\"],\"jurisdiction\":\"" + n.community() + "\"}";

        post(admin("COMMUNITY_ADMIN", n.community()), "/api/apps", body, null).expectStatus().isForbidden();
        post(admin("DISTRICT_ADMIN", UUID.randomUUID()), "/api/apps", body, null).expectStatus().isForbidden();
        post(admin("DISTRICT_ADMIN", n.district()), "/api/apps", body.replace("wishes:read", "everything"), null)
                .expectStatus().isBadRequest();
        post(admin("DISTRICT_ADMIN", n.district()), "/api/apps", body.replace(n.community().toString(), UUID.randomUUID().toString()), null)
                .expectStatus().isBadRequest();
        Apps.Registered app = Apps.register(web, admin("DISTRICT_ADMIN", n.district()), n.community(), "wishes:read");
        // another district's admin does not learn that the app exists
        get(admin("DISTRICT_ADMIN", UUID.randomUUID()), "/api/apps/" + app.id()).expectStatus().isNotFound();
        post(admin("DISTRICT_ADMIN", UUID.randomUUID()), "/api/apps/" + app.id() + "/revoke", null, null).expectStatus().isNotFound();
    }

    @Test
    void the_app_gets_client_credentials_tokens_from_the_issuer_and_uses_them() throws Exception {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, admin("DISTRICT_ADMIN", n.district()), n.community(), "wishes:write wishes:read");

        HttpResponse<String> response = clientToken(app);
        JsonNode token = JsonMapper.shared().readTree(response.body());
        String accessToken = token.get("access_token").asString();

        assertThat(response.statusCode()).isEqualTo(200);
        // a scope is a set: its order says nothing (RFC 6749, 3.3)
        assertThat(token.get("scope").asString().split(" ")).containsExactlyInAnyOrder("wishes:read", "wishes:write");
        assertThat(getJson(accessToken, "/api/apps/" + app.id()).get("id").asString()).isEqualTo(app.id().toString());
    }

    @Test
    void revoking_an_app_refuses_its_tokens_and_api_key_at_once() throws Exception {
        Neighbourhood n = neighbourhood();
        String admin = admin("DISTRICT_ADMIN", n.district());
        Apps.Registered app = Apps.register(web, admin, n.community(), "wishes:write wishes:read");
        String accessToken = JsonMapper.shared().readTree(clientToken(app).body()).get("access_token").asString();
        get(accessToken, "/api/apps/" + app.id()).expectStatus().isOk();

        JsonNode revoked = post(admin, "/api/apps/" + app.id() + "/revoke", null, "revoke-1").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        // the other services learn it from apps.events
        assertThat(awaitEvents("org.gridgov.app.revoked.v1", app.id(), 1)).hasSize(1);
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        get(accessToken, "/api/apps/" + app.id()).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(clientToken(app).statusCode()).isEqualTo(401);
        post(admin, "/api/apps/" + app.id() + "/credentials", null, null).expectStatus().isEqualTo(409);
        // the same command again is replayed, and changes nothing
        post(admin, "/api/apps/" + app.id() + "/revoke", null, "revoke-1").expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> clientToken(Apps.Registered app) throws Exception {
        String basic = Base64.getEncoder().encodeToString((app.id() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(app.tokenEndpoint()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
