package org.gridgov.apps.notification.contact;

import java.time.Duration;
import java.util.Optional;

import org.gridgov.apps.notification.ContactBook;
import org.gridgov.apps.notification.domain.Recipient;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Phones from the services that own them, asked with apps-service's own client-credentials token (scope
 * {@value ServiceToken#SCOPE}): a wish's resident from wish-service's service-to-service
 * {@code GET /internal/wishes/{id}/resident-contact?subject=} (the gateway does not route it). Party members,
 * units, departments and grid staff get the inbox only for now: member-service has no such read yet (README).
 */
public class OwnerContactBook implements ContactBook {

    private static final String PERSON = "person:";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient wishService;
    private final ServiceToken token;

    public OwnerContactBook(WebClient.Builder builder, String wishServiceUrl, ServiceToken token) {
        this.wishService = builder.baseUrl(wishServiceUrl).build();
        this.token = token;
    }

    @Override
    public boolean knows(Recipient recipient, String eventType) {
        return token.configured() && recipient.key().startsWith(PERSON) && eventType.startsWith("org.gridgov.wish.");
    }

    @Override
    public Mono<Optional<String>> phoneOf(Recipient recipient, String eventType, String subject) {
        if (!knows(recipient, eventType)) {
            return Mono.just(Optional.empty());
        }
        String person = recipient.key().substring(PERSON.length());
        return token.get().flatMap(bearer -> wishService.get()
                        .uri(uri -> uri.path("/internal/wishes/{id}/resident-contact").queryParam("subject", person).build(subject))
                        .headers(h -> h.setBearerAuth(bearer))
                        .retrieve().bodyToMono(JsonNode.class)
                        .timeout(TIMEOUT))
                .map(body -> body.path("phone").isString() && !body.path("phone").asString().isBlank()
                        ? Optional.of(body.path("phone").asString()) : Optional.<String>empty())
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode() == HttpStatus.NOT_FOUND
                        ? Mono.just(Optional.empty())
                        : Mono.error(new IllegalStateException("wish-service answered " + e.getStatusCode().value())));
    }
}
