package org.gridgov.kit.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/** The verified caller of the current request; empty when the request is anonymous. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Mono<Caller> get() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication -> ((CallerAuthentication) authentication).getPrincipal());
    }
}
