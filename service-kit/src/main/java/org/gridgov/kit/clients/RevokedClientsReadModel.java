package org.gridgov.kit.clients;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.gridgov.contracts.events.AppRevoked;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.security.RevokedClients;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The client apps revoked so far, kept from {@code apps.events} ({@code org.gridgov.app.revoked.v1}): a service that
 * does not register apps itself still refuses a revoked app's tokens a moment after the revocation
 * commits, instead of until they expire. Opt-in with {@code gridgov.revoked-clients.enabled=true}.
 */
public class RevokedClientsReadModel implements EventSubscriber, RevokedClients {

    private final DatabaseClient db;

    public RevokedClientsReadModel(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("revoked-clients")
                .on(AppRevoked.class, this::apply);
    }

    @Override
    public Mono<Boolean> isRevoked(String clientId) {
        return db.sql("select 1 from kit_revoked_client where client_id = :id").bind("id", clientId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    private Mono<Void> apply(AppRevoked revoked) {
        return db.sql("insert into kit_revoked_client (client_id, revoked_at) values (:id, :at) on conflict do nothing")
                .bind("id", revoked.appId().toString())
                .bind("at", OffsetDateTime.ofInstant(revoked.occurredAt(), ZoneOffset.UTC))
                .fetch().rowsUpdated().then();
    }
}
