package org.gridgov.apps.app.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A third-party app registered by a district admin: what it may do (scopes) and where (a node of the
 * grid tree). Revoking it is final: its API key and tokens stop working at once.
 */
public record ClientApp(UUID id, String name, Set<String> scopes, UUID jurisdiction, Status status,
                        String registeredBy, Instant registeredAt, Optional<Instant> credentialsIssuedAt,
                        Optional<Instant> revokedAt) {

    public static final int MAX_NAME = 100;

    public enum Status { ACTIVE, REVOKED }

    public ClientApp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        scopes = Set.copyOf(scopes);
    }

    /** @throws IllegalArgumentException with a message for the admin when the name or a scope is not acceptable */
    public static ClientApp register(UUID id, String name, Collection<String> scopes, UUID jurisdiction, String admin,
                                     Instant at) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters.");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("An app needs at least one scope: " + String.join(", ", new TreeSet<>(AppScopes.ALL)) + ".");
        }
        for (String scope : scopes) {
            if (!AppScopes.ALL.contains(scope)) {
                throw new IllegalArgumentException("Unknown scope " + scope + "; known: "
                        + String.join(", ", new TreeSet<>(AppScopes.ALL)) + ".");
            }
        }
        if (scopes.contains(AppScopes.PERSONAL_DATA) && !scopes.contains(AppScopes.WISHES_READ)) {
            throw new IllegalArgumentException(AppScopes.PERSONAL_DATA + " only makes sense with " + AppScopes.WISHES_READ + ".");
        }
        return new ClientApp(id, name.strip(), Set.copyOf(scopes), jurisdiction, Status.ACTIVE, admin, at,
                Optional.empty(), Optional.empty());
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /** The app with its credentials (re)issued; the earlier ones stop working. */
    public ClientApp credentialsIssued(Instant at) {
        requireActive();
        return new ClientApp(id, name, scopes, jurisdiction, status, registeredBy, registeredAt, Optional.of(at), revokedAt);
    }

    /** Revoked; revoking again changes nothing. */
    public ClientApp revoke(Instant at) {
        if (!isActive()) {
            return this;
        }
        return new ClientApp(id, name, scopes, jurisdiction, Status.REVOKED, registeredBy, registeredAt,
                credentialsIssuedAt, Optional.of(at));
    }

    /** @throws IllegalStateException for a revoked app */
    public void requireActive() {
        if (!isActive()) {
            throw new IllegalStateException("The app " + name + " was revoked.");
        }
    }
}
