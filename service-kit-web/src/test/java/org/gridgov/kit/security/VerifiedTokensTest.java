package org.gridgov.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.core.OAuth2Error;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    /** Stands in for the real verifier: "token-N" is valid until T0 + N minutes, "bad" never, "eternal" has no exp. */
    private final List<String> verifications = new ArrayList<>();
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.add(token);
        if (token.equals("bad")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("sub-" + token).issuedAt(T0);
        if (!token.equals("eternal")) {
            Instant exp = T0.plus(Duration.ofMinutes(Long.parseLong(token.substring("token-".length()))));
            if (!clock.instant().isBefore(exp)) {
                return Mono.error(new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token"))));
            }
            jwt.expiresAt(exp);
        }
        return Mono.just(jwt.build());
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5), clock);

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("token-60").block();
        Jwt second = tokens.decode("token-60").block();

        assertThat(second.getSubject()).isEqualTo(first.getSubject()).isEqualTo("sub-token-60");
        assertThat(verifications).containsExactly("token-60");
    }

    @Test
    void everyOtherTokenIsVerifiedOnItsOwn() {
        tokens.decode("token-60").block();
        tokens.decode("token-61").block();

        assertThat(verifications).containsExactly("token-60", "token-61");
    }

    @Test
    void aTokenPastItsExpiryGoesToTheVerifierAgainWhichRefusesIt() {
        tokens.decode("token-2").block();
        clock.set(T0.plus(Duration.ofMinutes(2)));

        assertThatThrownBy(() -> tokens.decode("token-2").block()).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).containsExactly("token-2", "token-2");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAgeSoAWithdrawnKeyStopsCounting() {
        tokens.decode("token-600").block();
        clock.set(T0.plus(Duration.ofMinutes(4)));
        tokens.decode("token-600").block();
        clock.set(T0.plus(Duration.ofMinutes(5)));
        tokens.decode("token-600").block();

        assertThat(verifications).containsExactly("token-600", "token-600");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("bad", "bad");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsVerifiedEveryTime() {
        tokens.decode("eternal").block();
        tokens.decode("eternal").block();

        assertThat(verifications).containsExactly("eternal", "eternal");
    }

    @Test
    void manyCallersDoNotGrowTheMemoryBeyondItsBound() {
        VerifiedTokens small = new VerifiedTokens(verifier, 4, Duration.ofMinutes(5), clock);
        for (int i = 10; i < 40; i++) {
            small.decode("token-" + i).block();
            assertThat(small.size()).isLessThanOrEqualTo(4);
        }
        // whatever was let go is simply verified again
        assertThat(small.decode("token-10").block().getSubject()).isEqualTo("sub-token-10");
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
