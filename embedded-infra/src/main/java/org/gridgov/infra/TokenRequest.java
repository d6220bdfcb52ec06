package org.gridgov.infra;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a persona token ({@link IdentityProvider#issue}) should say about its bearer: the subject, roles, and the
 * jurisdiction (grid-tree node id), unit, party member, client scope and department when they apply.
 *
 * <pre>{@code
 * String token = issuer.issue(TokenRequest.of("staff-1", "GRID_STAFF").withJurisdiction(gridId));
 * }</pre>
 */
public record TokenRequest(String subject, List<String> roles, String jurisdiction, String unit, String member,
        String scope, Duration expiresIn, String department) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    public TokenRequest {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        roles = List.copyOf(roles);
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    public TokenRequest(String subject, List<String> roles, String jurisdiction, String unit, String member,
                        String scope, Duration expiresIn) {
        this(subject, roles, jurisdiction, unit, member, scope, expiresIn, null);
    }

    public static TokenRequest of(String subject, String... roles) {
        return new TokenRequest(subject, List.of(roles), null, null, null, null, DEFAULT_LIFETIME);
    }

    public TokenRequest withJurisdiction(String jurisdiction) {
        return new TokenRequest(subject, roles, jurisdiction, unit, member, scope, expiresIn, department);
    }

    public TokenRequest withUnit(String unit) {
        return new TokenRequest(subject, roles, jurisdiction, unit, member, scope, expiresIn, department);
    }

    public TokenRequest withMember(String member) {
        return new TokenRequest(subject, roles, jurisdiction, unit, member, scope, expiresIn, department);
    }

    public TokenRequest withScope(String scope) {
        return new TokenRequest(subject, roles, jurisdiction, unit, member, scope, expiresIn, department);
    }

    /** The functional department (its id) a DEPARTMENT caller works for. */
    public TokenRequest withDepartment(String department) {
        return new TokenRequest(subject, roles, jurisdiction, unit, member, scope, expiresIn, department);
    }

    /** A zero or negative lifetime gives an already expired token, for tests of its rejection. */
    public TokenRequest withExpiresIn(Duration expiresIn) {
        return new TokenRequest(subject, roles, jurisdiction, unit, member, scope, expiresIn, department);
    }
}
