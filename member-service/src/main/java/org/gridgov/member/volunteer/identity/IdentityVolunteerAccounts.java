package org.gridgov.member.volunteer.identity;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.security.ClientCredentialsToken;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.volunteer.VolunteerAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * GridGov's identity provider: {@code PUT /internal/users/{subject}/volunteer} {@code {memberId}} as member-service's
 * client {@code member-accounts} (scope {@value #SCOPE}).
 */
public class IdentityVolunteerAccounts implements VolunteerAccounts {

    public static final String SCOPE = "users:link";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient identity;
    private final ClientCredentialsToken token;

    public IdentityVolunteerAccounts(WebClient.Builder builder, String identityUrl, ClientCredentialsToken token) {
        this.identity = builder.baseUrl(identityUrl).build();
        this.token = token;
    }

    @Override
    public Mono<Linked> link(String subject, UUID volunteerId) {
        return token.get()
                .flatMap(bearer -> identity.put().uri("/internal/users/{username}/volunteer", subject)
                        .headers(headers -> headers.setBearerAuth(bearer))
                        .bodyValue(Map.of("memberId", volunteerId.toString()))
                        .retrieve().toBodilessEntity().timeout(TIMEOUT))
                .thenReturn(Linked.LINKED)
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(Linked.NO_ACCOUNT))
                .onErrorMap(WebClientResponseException.Conflict.class, e -> ProblemException.conflict(
                        "Your account is a party member's or another volunteer's already."))
                .onErrorMap(e -> !(e instanceof ProblemException), e -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "service-unavailable", "The identity provider did not answer; nothing was registered, try again in a moment."));
    }
}
