package org.gridgov.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.gridgov.gateway.routing.ServiceRoutes;
import org.gridgov.kit.web.openapi.ApiBounds;
import org.gridgov.kit.web.openapi.ApiProblems;
import org.gridgov.gateway.routing.ServiceRoutes.ServiceRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The one OpenAPI description of the public API at the gateway's {@code /v3/api-docs} (and in
 * Swagger UI): each service's own description, cut down to the paths its route makes public, with
 * what the gateway adds to every call — the bearer token on {@code /api}, its own 401, 403, 429
 * and 503 answers, the rate-limit headers it sends with every answer ({@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}; {@code Retry-After} on a 429 or 503) — and the bounds the API holds
 * every value to ({@link ApiBounds}). Its one server is this gateway, wherever it runs (a relative
 * URL, so Swagger UI and generated clients call the deployment that served the description).
 * Services that never described themselves yet simply contribute nothing.
 */
@Component
record PublicApiDescription(ServiceRoutes routes, ServiceApiDocs docs) implements OpenApiCustomizer {

    private static final Logger log = LoggerFactory.getLogger(PublicApiDescription.class);
    private static final String BEARER = "bearer-jwt";
    private static final List<Integer> GATEWAY_ANSWERS = List.of(401, 403, 429, 503);
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RETRY_AFTER = "Retry-After";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        addGatewayParts(components);
        for (ServiceRoute route : routes.all()) {
            docs.latest(route).flatMap(PublicApiDescription::parse).ifPresent(service -> merge(api, route, service));
        }
        api.setServers(List.of(new Server().url("/").description("This gateway: the deployment (local, staging or "
                + "production) that served this description").extensions(Map.of("x-internal", false))));
        addRateLimitHeaders(api);
        ApiBounds.applyTo(api);
    }

    /** Every 2xx and 4xx answer carries the client's rate limit (RateLimitFilter), a 429 or 503 also when to retry. */
    private static void addRateLimitHeaders(OpenAPI api) {
        if (api.getComponents().getResponses() != null) {
            api.getComponents().getResponses().forEach((name, response) -> withRateLimitHeaders(
                    name.equals("TooManyRequests") ? "429" : name.equals("ServiceUnavailable") ? "503" : "4xx", response));
        }
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getResponses() != null) {
                    operation.getResponses().forEach(PublicApiDescription::withRateLimitHeaders);
                }
            }));
        }
    }

    private static void withRateLimitHeaders(String status, ApiResponse response) {
        if (response.get$ref() != null) {
            return;
        }
        if (status.startsWith("2") || status.startsWith("4")) {
            response.addHeaderObject(LIMIT, new Header().$ref("#/components/headers/" + LIMIT));
            response.addHeaderObject(REMAINING, new Header().$ref("#/components/headers/" + REMAINING));
        }
        response.addHeaderObject(ALLOW_ORIGIN, new Header().$ref("#/components/headers/" + ALLOW_ORIGIN));
        if (status.equals("429") || status.equals("503")) {
            response.addHeaderObject(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER));
        }
    }

    private static void merge(OpenAPI api, ServiceRoute route, OpenAPI service) {
        if (service.getPaths() != null) {
            service.getPaths().forEach((path, item) -> {
                if (route.serves(path)) {
                    api.path(path, withGatewayAnswers(path, item));
                }
            });
        }
        Components theirs = service.getComponents();
        if (theirs != null) {
            Components ours = api.getComponents();
            // a name two services both use keeps the first definition
            ours.setSchemas(withAbsent(ours.getSchemas(), theirs.getSchemas()));
            ours.setParameters(withAbsent(ours.getParameters(), theirs.getParameters()));
            ours.setRequestBodies(withAbsent(ours.getRequestBodies(), theirs.getRequestBodies()));
            ours.setResponses(withAbsent(ours.getResponses(), theirs.getResponses()));
            // such as the Open311 facade's api_key
            ours.setSecuritySchemes(withAbsent(ours.getSecuritySchemes(), theirs.getSecuritySchemes()));
        }
        if (service.getTags() != null) {
            for (Tag tag : service.getTags()) {
                if (api.getTags() == null || api.getTags().stream().noneMatch(t -> t.getName().equals(tag.getName()))) {
                    api.addTagsItem(tag);
                }
            }
        }
    }

    private static PathItem withGatewayAnswers(String path, PathItem item) {
        boolean needsToken = path.startsWith("/api/");
        for (Operation operation : item.readOperations()) {
            if (needsToken && operation.getSecurity() == null) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            }
            if (operation.getResponses() != null) {
                for (int status : GATEWAY_ANSWERS) {
                    if (needsToken || status != 401 && status != 403) {
                        operation.getResponses().putIfAbsent(Integer.toString(status), ApiProblems.response(status));
                    }
                }
            }
        }
        return item;
    }

    private static void addGatewayParts(Components components) {
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token (a JWS) from the GridGov OIDC issuer, checked as RFC8725 "
                        + "recommends, at the gateway and again in every service: signed with the issuer's RS256 keys "
                        + "(JWKS; \"none\" and any other algorithm are refused), issuer, audience and expiry verified."));
        ApiProblems.addTo(components);
        components.addHeaders(LIMIT, new Header().required(true).schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE))).description("The requests the client may make in "
                + "a burst: its token bucket's size (per token subject or client app; per IP address without a token)."));
        components.addHeaders(REMAINING, new Header().schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)
                .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE))).description("The requests left in the client's "
                + "bucket after this one (absent when the gateway refused the call before counting it)."));
        components.addHeaders(ALLOW_ORIGIN, new Header().schema(new io.swagger.v3.oas.models.media.StringSchema()
                .format("uri").maxLength(2048)).description("The calling browser app's origin, when it is one of the "
                + "deployment's allowed origins (GATEWAY_CORS_ORIGINS; none by default): CORS."));
        components.addHeaders(RETRY_AFTER, new Header().required(true).schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(86_400))).description("Seconds to wait before trying again."));
    }

    private static <T> Map<String, T> withAbsent(Map<String, T> ours, Map<String, T> theirs) {
        if (theirs == null) {
            return ours;
        }
        Map<String, T> merged = ours != null ? ours : new LinkedHashMap<>();
        theirs.forEach(merged::putIfAbsent);
        return merged;
    }

    /** Parsed afresh on each call, so no two requests ever share (and decorate) the same objects. */
    private static Optional<OpenAPI> parse(String document) {
        try {
            JsonNode tree = Json.mapper().readTree(document);
            ObjectMapper mapper = tree.path("openapi").asText().startsWith("3.1") ? Json31.mapper() : Json.mapper();
            return Optional.of(mapper.treeToValue(tree, OpenAPI.class));
        } catch (Exception e) {
            log.warn("a service's API description is not valid OpenAPI: {}", e.toString());
            return Optional.empty();
        }
    }
}
