package org.gridgov.gateway.security;

import java.time.Duration;
import java.util.List;

import org.gridgov.kit.web.CorrelationId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Which browser apps may call the API from another origin ({@code GATEWAY_CORS_ORIGINS}, origin
 * patterns such as {@code https://*.gridgov.example}). Empty: no cross-origin access at all.
 * Credentials stay off: apps send a bearer token, never cookies.
 */
@ConfigurationProperties("gridgov.gateway.cors")
record CorsProperties(List<String> allowedOrigins) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
    }

    CorsConfigurationSource source() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (allowedOrigins.isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", CorrelationId.HEADER));
        cors.setExposedHeaders(List.of(CorrelationId.HEADER, "Location", "Retry-After", "Idempotent-Replayed",
                "X-RateLimit-Remaining"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
