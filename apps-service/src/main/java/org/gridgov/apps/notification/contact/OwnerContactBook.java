package org.gridgov.apps.notification.contact;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.gridgov.apps.notification.ContactBook;
import org.gridgov.apps.notification.domain.Recipient;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Phones from the services that own them, asked with apps-service's own client-credentials token (scope
 * {@value ServiceToken#SCOPE}) through service-to-service reads the gateway does not route:
 * <ul>
 * <li>a wish's resident: wish-service's {@code GET /internal/wishes/{id}/resident-contact?subject=};</li>
 * <li>a party member (volunteers too): member-service's {@code GET /internal/members/{id}/contact};</li>
 * <li>a member unit (its first contact with a phone): member-service's {@code GET /internal/units/{id}/contact}.</li>
 * </ul>
 * Departments and grid staff get the inbox only: no service holds a phone for them.
 */
public class OwnerContactBook implements ContactBook {

    private static final String PERSON = "person:";
    private static final String MEMBER = "member:";
    private static final String UNIT = "unit:";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient wishService;
    private final WebClient memberService;
    private final ServiceToken token;

    public OwnerContactBook(WebClient.Builder builder, String wishServiceUrl, String memberServiceUrl, ServiceToken token) {
        this.wishService = builder.clone().baseUrl(wishServiceUrl).build();
        this.memberService = builder.clone().baseUrl(memberServiceUrl).build();
        this.token = token;
    }

    @Override
    public boolean knows(Recipient recipient, String eventType) {
        String key = recipient.key();
        return token.configured() && (key.startsWith(PERSON) && eventType.startsWith("org.gridgov.wish.")
                || key.startsWith(MEMBER) || key.startsWith(UNIT));
    }

    @Override
    public Mono<Optional<String>> phoneOf(Recipient recipient, String eventType, String subject) {
        if (!knows(recipient, eventType)) {
            return Mono.just(Optional.empty());
        }
        String key = recipient.key();
        if (key.startsWith(PERSON)) {
            String person = key.substring(PERSON.length());
            return ask(wishService, "wish-service", uri -> uri.path("/internal/wishes/{id}/resident-contact")
                    .queryParam("subject", person).build(subject));
        }
        String id = key.substring(key.indexOf(':') + 1);
        String path = key.startsWith(MEMBER) ? "/internal/members/{id}/contact" : "/internal/units/{id}/contact";
        return ask(memberService, "member-service", uri -> uri.path(path).build(id));
    }

    private Mono<Optional<String>> ask(WebClient owner, String name,
                                       Function<UriBuilder, URI> uri) {
        return token.get().flatMap(bearer -> owner.get().uri(uri)
                        .headers(h -> h.setBearerAuth(bearer))
                        .retrieve().bodyToMono(JsonNode.class)
                        .timeout(TIMEOUT))
                .map(body -> body.path("phone").isString() && !body.path("phone").asString().isBlank()
                        ? Optional.of(body.path("phone").asString()) : Optional.<String>empty())
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode() == HttpStatus.NOT_FOUND
                        ? Mono.just(Optional.empty())
                        : Mono.error(new IllegalStateException(name + " answered " + e.getStatusCode().value())));
    }
}
