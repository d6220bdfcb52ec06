package org.gridgov.system.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridgov.local.service.ServiceSpec;
import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the public API, as the gateway's merged OpenAPI description lists it, so a
 * new endpoint is fuzzed without anyone adding it here. Request schemas are read from the
 * description of the service that serves the path (in the merged one, a schema name two services
 * share keeps only the first service's definition).
 */
final class PublicOperations {

    /** The merged description is fetched from the services in the background: wait until it covers every route. */
    private static final Set<String> ROUTE_PREFIXES = Set.of("/api/grid/", "/api/members", "/api/wishes", "/api/matching/",
            "/api/projects", "/api/assessments", "/api/meetings", "/api/deliberations", "/api/disclosures", "/api/activities", "/api/volunteers", "/api/departments", "/api/cases", "/api/patrols", "/api/patrol-plans", "/api/visits",
            "/api/care-recipients", "/api/care/", "/api/operations", "/api/streets/", "/api/apps", "/api/me/notifications", "/api/me/notification-preferences",
            "/api/me/wechat-binding", "/api/users");
    private static final Duration DESCRIBED = Duration.ofSeconds(90);
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** A query or path parameter and its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One method on one path; {@code body} is the resolved request schema, if it takes JSON; {@code service}
     * serves it (null if none of the services describes it).
     */
    record Operation(String method, String path, List<Parameter> parameters, Optional<JsonNode> body, Schemas schemas,
                     ServiceSpec service) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private PublicOperations() {
    }

    static List<Operation> of(SystemPlatform platform) {
        JsonNode merged = Convergence.eventually(DESCRIBED, () -> platform.anonymous().get("/v3/api-docs"),
                answer -> answer.isSuccess() && coversEveryRoute(answer.json().path("paths"))).expect(200).json();
        if (!coversEveryRoute(merged.path("paths"))) {
            throw new AssertionError("the gateway's /v3/api-docs does not describe every route: " + merged.path("paths").propertyNames());
        }
        Map<ServiceSpec, JsonNode> serviceDocs = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.values()) {
            if (service != ServiceSpec.GATEWAY) {
                ApiResponse doc = platform.direct(service, null).get("/v3/api-docs").expect(200);
                serviceDocs.put(service, doc.json());
            }
        }
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : merged.path("paths").properties()) {
            ServiceSpec service = serviceDocs.entrySet().stream().filter(doc -> doc.getValue().path("paths").has(path.getKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            JsonNode owner = service == null ? merged : serviceDocs.get(service);
            Schemas schemas = new Schemas(owner.path("components").path("schemas"));
            JsonNode item = owner.path("paths").path(path.getKey());
            for (String method : METHODS) {
                if (!item.has(method)) {
                    continue;
                }
                JsonNode operation = item.get(method);
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    String in = parameter.path("in").asString();
                    if (in.equals("path") || in.equals("query")) {
                        parameters.add(new Parameter(parameter.path("name").asString(), in,
                                parameter.path("required").asBoolean(false), schemas.resolve(parameter.path("schema"))));
                    }
                }
                JsonNode json = operation.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(method.toUpperCase(), path.getKey(), parameters,
                        json.isMissingNode() ? Optional.empty() : Optional.of(schemas.resolve(json)), schemas, service));
            }
        }
        return operations;
    }

    private static boolean coversEveryRoute(JsonNode paths) {
        return ROUTE_PREFIXES.stream().allMatch(prefix -> paths.propertyNames().stream().anyMatch(path -> path.startsWith(prefix)));
    }

    /** The component schemas of one description, with {@code $ref}s resolved on demand. */
    static final class Schemas {
        private static final String PREFIX = "#/components/schemas/";
        private final JsonNode components;

        Schemas(JsonNode components) {
            this.components = components;
        }

        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
                String ref = current.get("$ref").asString();
                if (!ref.startsWith(PREFIX)) {
                    break;
                }
                current = components.path(ref.substring(PREFIX.length()));
            }
            if (current.has("allOf") && current.get("allOf").size() > 0) {
                return resolve(current.get("allOf").get(0));
            }
            if (current.has("oneOf") && current.get("oneOf").size() > 0) {
                return resolve(current.get("oneOf").get(0));
            }
            return current;
        }

        /** The JSON type a schema describes ({@code type} may be a list with "null" in it in OpenAPI 3.1). */
        String typeOf(JsonNode schema) {
            JsonNode resolved = resolve(schema);
            JsonNode type = resolved.path("type");
            if (type.isArray()) {
                for (JsonNode each : type) {
                    if (!each.asString().equals("null")) {
                        return each.asString();
                    }
                }
            }
            if (type.isString()) {
                return type.asString();
            }
            return resolved.has("properties") ? "object" : resolved.has("items") ? "array" : "string";
        }
    }
}
