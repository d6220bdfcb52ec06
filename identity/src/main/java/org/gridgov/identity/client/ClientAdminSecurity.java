package org.gridgov.identity.client;

import org.gridgov.identity.StatelessChains;
import org.gridgov.identity.admin.VolunteerLinkApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /internal/**}: a bearer token of this server — with the scope {@code users:link} for a volunteer's account
 * (member-service), {@code clients:write} for everything else (apps-service); nothing without one.
 */
@Configuration(proxyBeanMethods = false)
class ClientAdminSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain clientAdmin(HttpSecurity http) throws Exception {
        StatelessChains.bearerTokens(http, "/internal/**", requests -> requests
                        .requestMatchers("/internal/users/**").hasAuthority("SCOPE_" + VolunteerLinkApi.SCOPE)
                        .anyRequest().hasAuthority("SCOPE_" + ClientAdminApi.SCOPE),
                Customizer.withDefaults());
        return http.build();
    }
}
