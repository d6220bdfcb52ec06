package org.gridgov.wish.open311.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A third-party app as the Open311 door knows it: apps-service registers apps and announces their
 * credentials; this is what a request authenticated by the app's API key may do (scopes) and where (a
 * grid-tree node).
 */
public record Open311App(UUID id, Set<String> scopes, UUID jurisdiction) {

    public static final String WISHES_READ = "wishes:read";
    public static final String WISHES_WRITE = "wishes:write";
    /** Residents' name, phone and address in clear; masked without it. */
    public static final String PERSONAL_DATA = "wishes:personal-data";

    public Open311App {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
