package org.gridgov.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md is the contract apps build on: it and the gateway's merged OpenAPI description of
 * the running platform name the same calls, so neither a new endpoint nor a page edit goes
 * unnoticed.
 */
class PublicApiContractIT {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** The description is merged from the services in the background: wait until every service is in it. */
    private static final List<String> EVERY_SERVICE = List.of("/api/grid/", "/api/members", "/api/wishes", "/api/matching/", "/open311/");
    private static final Duration DESCRIBED = Duration.ofSeconds(90);

    private static Set<String> described;
    private static Set<String> documented;

    @BeforeAll
    static void readBoth() {
        SystemPlatform platform = SystemPlatform.shared();
        JsonNode paths = Convergence.eventually(DESCRIBED, () -> platform.anonymous().get("/v3/api-docs"),
                answer -> answer.isSuccess() && describesEveryService(answer)).expect(200).json().path("paths");
        described = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method) && !path.getKey().contains("*")) {
                    described.add(method.toUpperCase() + " " + Documentation.normalised(path.getKey()));
                }
            }
        }
        documented = Documentation.calls(Documentation.read("docs/api.md"));
    }

    @Test
    void every_call_of_docs_api_md_is_in_the_gateways_description() {
        assertThat(documented).as("the calls of docs/api.md").hasSizeGreaterThan(50);
        assertThat(described).as("the gateway's /v3/api-docs").containsAll(documented);
    }

    @Test
    void every_call_the_gateway_describes_is_in_docs_api_md() {
        assertThat(documented).as("the calls of docs/api.md").containsAll(described);
    }

    private static boolean describesEveryService(ApiResponse answer) {
        Set<String> paths = new TreeSet<>(answer.json().path("paths").propertyNames());
        return EVERY_SERVICE.stream().allMatch(prefix -> paths.stream().anyMatch(path -> path.startsWith(prefix)));
    }
}
