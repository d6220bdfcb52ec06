package org.gridgov.identity.local;

import org.gridgov.identity.StatelessChains;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** {@code /local/**} open to anyone, only where {@code gridgov.identity.local-tokens=true} (local platform, tests). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("gridgov.identity.local-tokens")
class LocalSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain local(HttpSecurity http) throws Exception {
        StatelessChains.stateless(http, "/local/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}
