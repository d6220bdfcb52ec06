package org.gridgov.identity.admin;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks the services that own them whether a grid node, member unit, party member or functional department exists:
 * grid-service's {@code GET /api/grid/nodes/{id}} (with its lineage), member-service's {@code GET /api/units/{id}}
 * and {@code GET /api/members/{id}}, fieldwork-service's {@code GET /api/departments/{id}} — with the admin's own
 * token, so an admin can only name what they may see. A service that does not answer is a 503, never a guess.
 */
@Component
class Directory {

    private final RestClient grid;
    private final RestClient member;
    private final RestClient fieldwork;

    Directory(@Value("${gridgov.identity.directory.grid-url}") URI gridUrl,
              @Value("${gridgov.identity.directory.member-url}") URI memberUrl,
              @Value("${gridgov.identity.directory.fieldwork-url}") URI fieldworkUrl) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.grid = RestClient.builder().baseUrl(gridUrl.toString()).requestFactory(requests).build();
        this.member = RestClient.builder().baseUrl(memberUrl.toString()).requestFactory(requests).build();
        this.fieldwork = RestClient.builder().baseUrl(fieldworkUrl.toString()).requestFactory(requests).build();
    }

    /** The node's lineage (its ancestors, root first, then itself), or empty when grid-service knows no such node. */
    Optional<List<String>> lineage(String nodeId, String token) {
        return find(grid, "/api/grid/nodes/{id}", nodeId, token, "grid-service").map(node -> {
            List<String> lineage = new ArrayList<>();
            if (node.get("path") instanceof List<?> path) {
                path.forEach(id -> lineage.add(String.valueOf(id)));
            }
            lineage.add(String.valueOf(node.get("id")));
            return lineage;
        });
    }

    boolean unitExists(String unitId, String token) {
        return find(member, "/api/units/{id}", unitId, token, "member-service").isPresent();
    }

    boolean memberExists(String memberId, String token) {
        return find(member, "/api/members/{id}", memberId, token, "member-service").isPresent();
    }

    boolean departmentExists(String departmentId, String token) {
        return find(fieldwork, "/api/departments/{id}", departmentId, token, "fieldwork-service").isPresent();
    }

    private static Optional<Map<?, ?>> find(RestClient client, String path, String id, String token, String service) {
        try {
            return client.get().uri(path, id).header("Authorization", "Bearer " + token)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        // not there, or not the admin's to see: either way not a thing the admin may name
                        if (status.value() == 404 || status.value() == 403) {
                            return Optional.<Map<?, ?>>empty();
                        }
                        if (status.is2xxSuccessful()) {
                            return Optional.<Map<?, ?>>ofNullable(response.bodyTo(Map.class));
                        }
                        throw new Unavailable(service + " answered " + status.value());
                    });
        } catch (RestClientException e) {
            throw new Unavailable(service + " cannot be reached");
        }
    }

    /** An owning service did not answer: nothing is changed, the admin may try again (503). */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
