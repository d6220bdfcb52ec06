package org.gridgov.gateway.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The operator console (the {@code console} module's web-jar) under {@code /console/}: static files only,
 * open without a token — the console signs in with the identity provider and calls the API with a bearer
 * token like any app. Hashed assets ({@code /console/assets/…}) are cached for a year; everything else, above
 * all {@code index.html}, is revalidated on every load so a new release is seen at once. A path that is no
 * file is one of the single-page app's own links (a deep link, a reload): it gets {@code index.html}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleResources {

    /** The console's paths: open to anyone, outside the rate limit (static files cost the services nothing). */
    public static final String[] PATHS = {"/console", "/console/**"};

    private static final String ROOT = "META-INF/resources/console/";
    private static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache();
    /** What a file's path looks like: no "..", no backslash, no hidden files, a name with an extension (no folder). */
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9_-]*\\.[A-Za-z0-9._-]+");

    @Bean
    RouterFunction<ServerResponse> consoleRoutes(ConsoleProperties properties) {
        return RouterFunctions.route()
                .GET("/console", request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .GET("/console/config.json", request -> config(properties))
                .GET("/console/**", this::file)
                .build();
    }

    private static Mono<ServerResponse> config(ConsoleProperties properties) {
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(REVALIDATE)
                .bodyValue(Map.of("issuer", properties.issuerUri(), "clientId", properties.clientId()));
    }

    private Mono<ServerResponse> file(ServerRequest request) {
        String path = request.path().substring("/console/".length());
        Optional<Resource> file = resource(path);
        if (file.isPresent()) {
            return serve(file.get(), path.startsWith("assets/") ? HASHED : REVALIDATE);
        }
        if (path.startsWith("assets/")) {
            // a stale chunk of an older release: a 404, not index.html served as JavaScript
            return ServerResponse.notFound().build();
        }
        return resource("index.html").map(index -> serve(index, REVALIDATE))
                .orElseGet(() -> ServerResponse.notFound().build());
    }

    private static Optional<Resource> resource(String path) {
        if (!FILE.matcher(path).matches()) {
            return Optional.empty();
        }
        Resource resource = new ClassPathResource(ROOT + path);
        return resource.exists() && resource.isReadable() ? Optional.of(resource) : Optional.empty();
    }

    private static Mono<ServerResponse> serve(Resource resource, CacheControl cache) {
        MediaType type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        if (type.getType().equals("text") || type.getSubtype().equals("javascript") || type.getSubtype().equals("json")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ServerResponse.ok().contentType(type).cacheControl(cache).body(BodyInserters.fromResource(resource));
    }
}
