package org.gridgov.identity.admin;

import org.gridgov.identity.ErrorsAsProblems;
import org.gridgov.identity.StatelessChains;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/**}: a bearer token of this server (verified against its own keys, as every service does); who may do
 * what is {@link UserManagement}'s. {@code /v3/api-docs}: the API's description, open, for the gateway to merge.
 */
@Configuration(proxyBeanMethods = false)
class UserAdminSecurity {

    @Bean
    @Order(4)
    SecurityFilterChain userAdmin(HttpSecurity http) throws Exception {
        StatelessChains.bearerTokens(http, "/api/**", requests -> requests.anyRequest().authenticated(),
                resourceServer -> resourceServer
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            ErrorsAsProblems.write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((request, response, denied) ->
                                ErrorsAsProblems.write(response, HttpStatus.FORBIDDEN, "This token may not do this.")));
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
