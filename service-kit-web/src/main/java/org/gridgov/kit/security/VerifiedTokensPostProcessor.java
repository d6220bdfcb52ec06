package org.gridgov.kit.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Puts {@link VerifiedTokens} in front of the JWT decoder Spring Boot configures (issuer, JWKS,
 * audience, timestamps), leaving that configuration as it is. Settings:
 * {@code gridgov.security.verified-tokens.max-entries} (default 10,000; 0 verifies every request)
 * and {@code gridgov.security.verified-tokens.max-age} (default 5 minutes).
 */
final class VerifiedTokensPostProcessor implements BeanPostProcessor, EnvironmentAware {

    static final String PREFIX = "gridgov.security.verified-tokens.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ReactiveJwtDecoder decoder) || bean instanceof VerifiedTokens) {
            return bean;
        }
        int maxEntries = environment.getProperty(PREFIX + "max-entries", Integer.class, 10_000);
        Duration maxAge = environment.getProperty(PREFIX + "max-age", Duration.class, Duration.ofMinutes(5));
        return maxEntries > 0 ? new VerifiedTokens(decoder, maxEntries, maxAge, Clock.systemUTC()) : bean;
    }
}
