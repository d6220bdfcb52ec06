package org.gridgov.apps.app;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Registers client apps the way a district admin does, for the tests of apps, Open311 and webhooks. */
public final class Apps {

    /** An app as its developer receives it. */
    public record Registered(UUID id, String apiKey, String clientSecret, String tokenEndpoint) {
    }

    private Apps() {
    }

    /** Registers an app in {@code jurisdiction} with these scopes (space-separated) and issues its credentials. */
    public static Registered register(WebTestClient web, String adminToken, UUID jurisdiction, String scopes) {
        String scopeList = String.join("\",\"", scopes.split(" "));
        JsonNode app = web.post().uri("/api/apps").headers(h -> h.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"城市热线 12345\",\"scopes\":[\"" + scopeList + "\"],\"jurisdiction\":\"" + jurisdiction + "\"}")
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        UUID id = UUID.fromString(app.get("id").asString());
        JsonNode credentials = web.post().uri("/api/apps/" + id + "/credentials").headers(h -> h.setBearerAuth(adminToken))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return new Registered(id, credentials.get("apiKey").asString(), credentials.get("clientSecret").asString(),
                credentials.get("tokenEndpoint").asString());
    }
}
