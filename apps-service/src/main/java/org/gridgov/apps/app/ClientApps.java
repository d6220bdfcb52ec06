package org.gridgov.apps.app;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.Ids;
import org.gridgov.contracts.events.Actor;
import org.gridgov.contracts.events.AppCredentialsIssued;
import org.gridgov.contracts.events.AppRevoked;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.RevokedClients;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.apps.app.domain.ClientApp;
import org.gridgov.apps.app.domain.Secrets;
import org.gridgov.apps.app.persistence.ClientAppStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers, credentials and revokes client apps, and recognises them by API key or token.
 *
 * <p>Revocation takes effect at once: the API key is forgotten in the same transaction that marks
 * the app revoked, and this service refuses every token whose subject is a revoked app (the kit asks
 * {@link RevokedClients} for each CLIENT caller), whatever the token's expiry. The same transaction
 * publishes {@code org.gridgov.app.revoked.v1} on apps.events, from which every other service's kit keeps
 * its own list of revoked apps (and wish-service's Open311 door forgets the API key). The identity provider is told afterwards, so that it hands out no new tokens.
 */
@Component
public record ClientApps(ClientAppStore apps, ClientRegistry registry, Jurisdictions jurisdictions, GridTree tree,
                         TransactionalOperator tx, Outbox outbox, Clock clock) implements RevokedClients {

    private static final Logger log = LoggerFactory.getLogger(ClientApps.class);

    /** What an app is given once, when its credentials are issued; none of it is stored in clear. */
    public record Credentials(UUID clientId, Optional<String> clientSecret, Optional<String> tokenEndpoint, String apiKey) {
    }

    public Mono<ClientApp> register(Caller admin, String name, Collection<String> scopes, UUID jurisdiction) {
        requireDistrictAdmin(admin);
        Instant at = now();
        return tree.find(jurisdiction)
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("jurisdiction is not a node of the grid tree.")))
                .then(jurisdictions.require(admin, jurisdiction))
                .then(Mono.fromCallable(() -> ClientApp.register(UUID.randomUUID(), name, scopes, jurisdiction,
                        admin.subject(), at)).onErrorMap(IllegalArgumentException.class, e -> ProblemException.invalid(e.getMessage())))
                .flatMap(app -> apps.insert(app).thenReturn(app));
    }

    /** The app, for a district admin whose jurisdiction covers it or for the app itself; else 404. */
    public Mono<ClientApp> find(Caller caller, UUID id) {
        return apps.find(id)
                .filterWhen(app -> mayManage(caller, app))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("app", id)));
    }

    public Flux<ClientApp> list(Caller admin) {
        requireDistrictAdmin(admin);
        return apps.all().filterWhen(app -> jurisdictions.covers(admin, app.jurisdiction()));
    }

    /** New client credentials and a new API key; the earlier ones stop working. The secrets are stored nowhere. */
    public Mono<Credentials> issueCredentials(Caller admin, UUID id) {
        requireDistrictAdmin(admin);
        String apiKey = Secrets.newSecret("gg_key_");
        String clientSecret = Secrets.newSecret("gg_secret_");
        return tx.transactional(managed(admin, id)
                .map(app -> {
                    try {
                        return app.credentialsIssued(now());
                    } catch (IllegalStateException e) {
                        throw ProblemException.conflict(e.getMessage());
                    }
                })
                .flatMap(app -> apps.credentialsIssued(app, Secrets.sha256(apiKey))
                        // wish-service's Open311 door learns the key's hash (never the key) from this event
                        .then(outbox.append(new AppCredentialsIssued(app.id(), new Actor(admin.subject(),
                                Role.DISTRICT_ADMIN.name()), app.credentialsIssuedAt().orElseThrow(), app.name(),
                                app.scopes().stream().sorted().toList(), app.jurisdiction(), Secrets.sha256(apiKey))))
                        .then(registry.register(app, clientSecret))
                        .thenReturn(new Credentials(app.id(),
                                registry.tokenEndpoint().map(endpoint -> clientSecret), registry.tokenEndpoint(), apiKey))));
    }

    /** Revokes the app: its API key and tokens are refused from the commit on. Revoking twice changes nothing. */
    public Mono<ClientApp> revoke(Caller admin, UUID id) {
        requireDistrictAdmin(admin);
        Instant at = now();
        return tx.transactional(managed(admin, id)
                        .flatMap(app -> app.isActive()
                                ? apps.revoked(app.revoke(at))
                                        // the other services refuse its tokens too, from this event on
                                        .then(outbox.append(new AppRevoked(app.id(), new Actor(admin.subject(),
                                                Role.DISTRICT_ADMIN.name()), at)))
                                        .thenReturn(app.revoke(at))
                                : Mono.just(app)))
                .flatMap(app -> registry.revoke(app)
                        // already refused here; the IdP only stops handing out new (short-lived) tokens
                        .onErrorResume(e -> {
                            log.warn("app {} is revoked, but the identity provider was not told: {}", app.id(), e.toString());
                            return Mono.empty();
                        })
                        .thenReturn(app));
    }

    @Override
    public Mono<Boolean> isRevoked(String clientId) {
        return Ids.parse(clientId).map(apps::isRevoked).orElse(Mono.just(false));
    }

    /** Whether the caller is the app itself or a district admin whose jurisdiction covers it. */
    public Mono<Boolean> mayManage(Caller caller, ClientApp app) {
        if (caller.has(Role.CLIENT) && caller.subject().equals(app.id().toString())) {
            return Mono.just(true);
        }
        return caller.has(Role.DISTRICT_ADMIN) ? jurisdictions.covers(caller, app.jurisdiction()) : Mono.just(false);
    }

    private Mono<ClientApp> managed(Caller admin, UUID id) {
        return apps.lock(id)
                .filterWhen(app -> jurisdictions.covers(admin, app.jurisdiction()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("app", id)));
    }

    private static void requireDistrictAdmin(Caller caller) {
        if (!caller.has(Role.DISTRICT_ADMIN)) {
            throw ProblemException.forbidden("Only a district admin manages client apps.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
