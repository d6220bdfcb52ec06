package org.gridgov.gateway.routing;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes of the public API as configured in {@code application.yml}: which service serves
 * which paths. Other features (resilience per route, the API description) read them from here
 * instead of keeping their own list of services.
 */
@Component
public class ServiceRoutes {

    private final List<ServiceRoute> routes;

    ServiceRoutes(GatewayProperties gateway) {
        this.routes = gateway.getRoutes().stream()
                .map(definition -> new ServiceRoute(definition.getId(), definition.getUri(),
                        pathPatterns(definition.getPredicates())))
                .toList();
    }

    public List<ServiceRoute> all() {
        return routes;
    }

    private static List<PathPattern> pathPatterns(List<PredicateDefinition> predicates) {
        return predicates.stream()
                .filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    /** One route: its id (also the name of its circuit breaker, bulkhead …), its service and its public paths. */
    public record ServiceRoute(String id, URI uri, List<PathPattern> paths) {

        public boolean serves(String path) {
            PathContainer container = PathContainer.parsePath(path);
            return paths.stream().anyMatch(pattern -> pattern.matches(container));
        }
    }
}
