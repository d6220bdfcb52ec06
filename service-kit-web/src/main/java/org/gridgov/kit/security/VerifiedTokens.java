package org.gridgov.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies each bearer token once per process: a token that passed the full verification
 * (signature, issuer, audience, expiry) is remembered, keyed by its exact text, until it expires,
 * or at most {@code maxAge} (so that a signing key withdrawn from the issuer's JWKS stops being
 * trusted within that time). A caller sends the same token with every request of its session; the
 * gateway and each service then spend the RSA verification and claim parsing once, not per request.
 * <p>
 * Only successes are remembered: a bad token is verified (and refused) every time. A remembered
 * token is trusted strictly before its {@code exp} — tighter than the verifier's clock skew — and a
 * token without {@code exp} is never remembered. At most {@code maxEntries} are kept; when full, the
 * expired ones go, then half of the rest, so memory stays bounded under any number of callers.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant trustedUntil) {
    }

    public VerifiedTokens(ReactiveJwtDecoder verifier, int maxEntries, Duration maxAge, Clock clock) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxEntries and maxAge must be positive");
        }
        this.verifier = verifier;
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.trustedUntil())) {
                return Mono.just(known.jwt());
            }
            verified.remove(token, known);
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt, now));
    }

    /** How many verified tokens are remembered now. */
    int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt, Instant verifiedAt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return;
        }
        Instant until = expiresAt.isBefore(verifiedAt.plus(maxAge)) ? expiresAt : verifiedAt.plus(maxAge);
        if (!until.isAfter(verifiedAt)) {
            return;
        }
        if (verified.size() >= maxEntries) {
            makeRoom(clock.instant());
        }
        verified.put(token, new Verified(jwt, until));
    }

    private void makeRoom(Instant now) {
        verified.values().removeIf(entry -> !now.isBefore(entry.trustedUntil()));
        Iterator<Verified> entries = verified.values().iterator();
        while (verified.size() >= maxEntries / 2 && entries.hasNext()) {
            entries.next();
            entries.remove();
        }
    }
}
