package org.gridgov.matching.it;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import tools.jackson.databind.JsonNode;

/** Calls and readings of the project-list API shared by the community and the street list tests. */
final class ProjectListResponses {

    private ProjectListResponses() {
    }

    static ResponseSpec post(WebTestClient web, String token, String body) {
        return web.post().uri("/api/matching/project-lists").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static JsonNode body(ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static void problem(ResponseSpec response, HttpStatus status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/" + type);
    }

    /** Need id → unit id of each project in the list. */
    static Map<UUID, UUID> assignments(JsonNode list) {
        return list.get("assignments").valueStream().collect(Collectors.toMap(
                a -> UUID.fromString(a.get("needId").asString()), a -> UUID.fromString(a.get("unitId").asString())));
    }

    /** Need id → reason of each need the list left unmatched. */
    static Map<UUID, String> unmatched(JsonNode list) {
        return list.get("unmatched").valueStream().collect(Collectors.toMap(
                u -> UUID.fromString(u.get("needId").asString()), u -> u.get("reason").asString()));
    }
}
