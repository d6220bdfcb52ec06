package org.gridgov.wish.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.events.AppCredentialsIssued;
import org.gridgov.contracts.events.AppRevoked;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.wish.open311.domain.Open311App;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A read model of the apps that may use the Open311 door, from apps.events: apps-service owns the apps and announces each
 * credentials issue with the SHA-256 of the new API key (never the key); a revocation forgets the key.
 * A newer issue replaces the key, so an app's earlier keys stop working as they did in one service.
 */
@Component
public record Open311Apps(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("open311-apps")
                .on(AppCredentialsIssued.class, this::issued)
                .on(AppRevoked.class, this::revoked);
    }

    /** The active app holding this API key; empty for an unknown key or a revoked app. */
    public Mono<Open311App> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Mono.empty();
        }
        return db.sql("select id, scopes, jurisdiction from open311_app where api_key_hash = :hash and not revoked")
                .bind("hash", sha256(apiKey.strip()))
                .map(row -> new Open311App(row.get("id", UUID.class), Set.copyOf(Arrays.asList(row.get("scopes", String[].class))),
                        row.get("jurisdiction", UUID.class)))
                .one();
    }

    private Mono<Void> issued(AppCredentialsIssued issued) {
        return db.sql("""
                        insert into open311_app (id, scopes, jurisdiction, api_key_hash, revoked)
                        values (:id, :scopes, :jurisdiction, :hash, false)
                        on conflict (id) do update set scopes = excluded.scopes, jurisdiction = excluded.jurisdiction,
                            api_key_hash = excluded.api_key_hash
                        where not open311_app.revoked""")
                .bind("id", issued.appId()).bind("scopes", issued.scopes().toArray(String[]::new))
                .bind("jurisdiction", issued.jurisdiction()).bind("hash", issued.apiKeySha256())
                .fetch().rowsUpdated().then();
    }

    private Mono<Void> revoked(AppRevoked revoked) {
        return db.sql("update open311_app set revoked = true, api_key_hash = null where id = :id")
                .bind("id", revoked.appId()).fetch().rowsUpdated().then();
    }

    /** What apps-service announces of a key: its SHA-256 (hex); the keys are random and long, so it cannot be reversed. */
    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
