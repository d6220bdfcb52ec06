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
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.gridgov.gateway.routing.ServiceRoutes;
import org.gridgov.kit.web.openapi.ApiProblems;
import org.gridgov.gateway.routing.ServiceRoutes.ServiceRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The one OpenAPI description of the public API at the gateway's {@code /v3/api-docs} (and in
 * Swagger UI): each service's own description, cut down to the paths its route makes public, with
 * what the gateway adds to every call — the bearer token on {@code /api}, and its own 401, 403, 429
 * and 503 answers. Services that never described themselves yet simply contribute nothing.
 */
@Component
class PublicApiDescription implements OpenApiCustomizer {

    private static final Logger log = LoggerFactory.getLogger(PublicApiDescription.class);
    private static final String BEARER = "bearer-jwt";
    private static final List<Integer> GATEWAY_ANSWERS = List.of(401, 403, 429, 503);

    private final ServiceRoutes routes;
    private final ServiceApiDocs docs;

    PublicApiDescription(ServiceRoutes routes, ServiceApiDocs docs) {
        this.routes = routes;
        this.docs = docs;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        addGatewayParts(components);
        for (ServiceRoute route : routes.all()) {
            docs.latest(route).flatMap(PublicApiDescription::parse).ifPresent(service -> merge(api, route, service));
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
                .bearerFormat("JWT").description("An access token from the GridGov OIDC issuer."));
        ApiProblems.addTo(components);
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
