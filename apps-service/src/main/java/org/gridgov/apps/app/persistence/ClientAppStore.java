package org.gridgov.apps.app.persistence;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.apps.app.domain.ClientApp;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Client apps (table {@code client_app}); of an API key only its SHA-256 is ever written. */
@Component
public record ClientAppStore(DatabaseClient db) {

    public Mono<Void> insert(ClientApp app) {
        return db.sql("""
                        insert into client_app (id, name, scopes, jurisdiction, status, registered_by, registered_at)
                        values (:id, :name, :scopes, :jurisdiction, :status, :registeredBy, :registeredAt)""")
                .bind("id", app.id())
                .bind("name", app.name())
                .bind("scopes", app.scopes().stream().sorted().toArray(String[]::new))
                .bind("jurisdiction", app.jurisdiction())
                .bind("status", app.status().name())
                .bind("registeredBy", app.registeredBy())
                .bind("registeredAt", Sql.utc(app.registeredAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<ClientApp> find(UUID id) {
        return db.sql("select * from client_app where id = :id").bind("id", id).map(ClientAppStore::app).one();
    }

    /** Locks the app's row for a change in this transaction. */
    public Mono<ClientApp> lock(UUID id) {
        return db.sql("select * from client_app where id = :id for update").bind("id", id).map(ClientAppStore::app).one();
    }

    public Flux<ClientApp> all() {
        return db.sql("select * from client_app order by registered_at desc, id desc limit 1000").map(ClientAppStore::app).all();
    }

    public Mono<Boolean> isRevoked(UUID id) {
        return db.sql("select 1 from client_app where id = :id and status = 'REVOKED'").bind("id", id)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    public Mono<Void> credentialsIssued(ClientApp app, String apiKeyHash) {
        return db.sql("update client_app set api_key_hash = :hash, credentials_issued_at = :at where id = :id")
                .bind("id", app.id()).bind("hash", apiKeyHash)
                .bind("at", Sql.utc(app.credentialsIssuedAt().orElseThrow()))
                .fetch().rowsUpdated().then();
    }

    /** Revoked, and its API key forgotten. */
    public Mono<Void> revoked(ClientApp app) {
        return db.sql("update client_app set status = :status, revoked_at = :at, api_key_hash = null where id = :id")
                .bind("id", app.id()).bind("status", app.status().name())
                .bind("at", Sql.utc(app.revokedAt().orElseThrow()))
                .fetch().rowsUpdated().then();
    }

    private static ClientApp app(Readable row) {
        String[] scopes = row.get("scopes", String[].class);
        return new ClientApp(row.get("id", UUID.class), row.get("name", String.class),
                scopes == null ? Set.of() : Set.copyOf(Arrays.asList(scopes)),
                row.get("jurisdiction", UUID.class),
                ClientApp.Status.valueOf(row.get("status", String.class)),
                row.get("registered_by", String.class),
                Sql.instant(row, "registered_at").orElseThrow(),
                Sql.instant(row, "credentials_issued_at"),
                Sql.instant(row, "revoked_at"));
    }
}
