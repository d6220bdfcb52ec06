package org.gridgov.kit.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.PoisonEventException;
import org.gridgov.kit.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client apps revoked so far, kept from {@code wish.events} ({@code org.gridgov.app.revoked.v1}): a service that
 * does not register apps itself still refuses a revoked app's tokens a moment after the revocation
 * commits, instead of until they expire. Opt-in with {@code gridgov.revoked-clients.enabled=true}.
 */
public class RevokedClientsReadModel implements EventHandler, RevokedClients {

    private final DatabaseClient db;
    private final JsonMapper json;

    public RevokedClientsReadModel(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<Boolean> isRevoked(String clientId) {
        return db.sql("select 1 from kit_revoked_client where client_id = :id").bind("id", clientId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    @Override
    public String name() {
        return "revoked-clients";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(EventType.APP_REVOKED.topic());
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        if (!EventType.APP_REVOKED.type().equals(event.type())) {
            return Mono.empty();
        }
        JsonNode data = json.readTree(event.data());
        if (!data.hasNonNull("appId")) {
            throw new PoisonEventException("an app revocation without appId");
        }
        Instant at = data.hasNonNull("occurredAt") ? Instant.parse(data.get("occurredAt").asString()) : event.time();
        return db.sql("insert into kit_revoked_client (client_id, revoked_at) values (:id, :at) on conflict do nothing")
                .bind("id", data.get("appId").asString())
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .fetch().rowsUpdated().then();
    }
}
