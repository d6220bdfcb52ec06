package org.gridgov.identity.user;

import java.time.Clock;

import org.gridgov.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;

/** The sign-in of people: the login form, the password hashes, the lockout. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    /** bcrypt today ({@code {bcrypt}…}); a later default algorithm still reads the hashes stored before it. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LockingAuthenticationProvider lockingAuthenticationProvider(UserAccounts users, PasswordEncoder passwords,
            IdentityProperties properties, Clock clock) {
        return new LockingAuthenticationProvider(users, passwords, properties.lockout(), clock);
    }

    /** Everything the other chains do not take: the login form, the actuator, and nothing else without signing in. */
    @Bean
    @Order(10)
    // The provider is a bean, so it is the one AuthenticationManager of the application; it is not added to this
    // chain as well, where a failure would be counted twice (once here, once in the parent manager).
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler((request, response, failure) -> {
                    request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
                    response.sendRedirect(request.getContextPath() + LoginPage.failureUrl(failure));
                }));
        return http.build();
    }
}
