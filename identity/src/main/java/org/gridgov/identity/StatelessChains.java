package org.gridgov.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The API chains' common ground (all but sign-in's and the authorization server's own): they answer only the given
 * paths, keep no session and want no CSRF token — a caller proves who it is on every request, if at all.
 */
public final class StatelessChains {

    private StatelessChains() {
    }

    public static HttpSecurity stateless(HttpSecurity http, String... paths) throws Exception {
        return http.securityMatcher(paths)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }
}
