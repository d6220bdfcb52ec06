package org.gridgov.gateway.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gridgov.gateway.routing.ServiceRoutes;
import org.gridgov.gateway.routing.ServiceRoutes.ServiceRoute;
import org.gridgov.kit.runtime.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The latest OpenAPI document of each service, fetched from its {@code /v3/api-docs} in the
 * background and kept as text. A service that is down or not deployed yet keeps its last good
 * document, so the public description does not flicker with the services' health.
 */
@Component
class ServiceApiDocs extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ServiceApiDocs.class);

    private final ServiceRoutes routes;
    private final Duration timeout;
    private final WebClient web = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
            .build();
    private final Map<URI, String> latestByService = new ConcurrentHashMap<>();

    ServiceApiDocs(ServiceRoutes routes, @Value("${gridgov.gateway.api-docs.refresh-interval}") Duration refreshInterval,
                   @Value("${gridgov.gateway.api-docs.timeout}") Duration timeout) {
        super("API description refresh", refreshInterval);
        this.routes = routes;
        this.timeout = timeout;
    }

    /** The last document the route's service served, if it ever served one. */
    Optional<String> latest(ServiceRoute route) {
        return Optional.ofNullable(latestByService.get(route.uri()));
    }

    @Override
    protected Mono<Void> runOnce() {
        return Flux.fromIterable(routes.all()).map(ServiceRoute::uri).distinct().flatMap(this::fetch).then();
    }

    private Mono<Void> fetch(URI service) {
        return web.get().uri(service.resolve("/v3/api-docs")).retrieve().bodyToMono(String.class)
                .timeout(timeout)
                .doOnNext(document -> latestByService.put(service, document))
                .onErrorResume(failure -> {
                    log.debug("no API description from {}: {}", service, failure.toString());
                    return Mono.empty();
                })
                .then();
    }
}
