package org.gridgov.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridgov.local.service.ServiceSpec;
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

    /**
     * The gateway merges the services' descriptions and keeps the first of two schemas with one name, so two
     * services that name different shapes alike would have one of them described wrongly (an assessment row
     * once pointed at member-service's UnitView): every shared name must mean one shape.
     */
    @Test
    void no_two_services_describe_different_schemas_under_one_name() {
        SystemPlatform platform = SystemPlatform.shared();
        Map<String, JsonNode> first = new HashMap<>();
        Map<String, ServiceSpec> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.values()) {
            if (service == ServiceSpec.GATEWAY) {
                continue;
            }
            JsonNode schemas = platform.direct(service, null).get("/v3/api-docs").expect(200).json()
                    .path("components").path("schemas");
            for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
                JsonNode earlier = first.putIfAbsent(schema.getKey(), schema.getValue());
                if (earlier != null && !earlier.equals(schema.getValue())) {
                    clashes.add(schema.getKey() + " (" + owner.get(schema.getKey()) + " and " + service + ")");
                }
                owner.putIfAbsent(schema.getKey(), service);
            }
        }
        assertThat(first).as("schemas described by the services").hasSizeGreaterThan(50);
        assertThat(clashes).as("schema names two services use for different shapes; rename one").isEmpty();
    }

    private static boolean describesEveryService(ApiResponse answer) {
        Set<String> paths = new TreeSet<>(answer.json().path("paths").propertyNames());
        return EVERY_SERVICE.stream().allMatch(prefix -> paths.stream().anyMatch(path -> path.startsWith(prefix)));
    }
}
