package org.gridgov.identity.user;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.identity.IdentityProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
            IdentityProperties properties, Clock clock, MeterRegistry meters) {
        return new LockingAuthenticationProvider(users, passwords, properties.lockout(), clock, meters);
    }

    /** gridgov_identity_locked_accounts: accounts no one can sign in to now (too many wrong passwords, or an admin's lock). */
    @Bean
    Gauge lockedAccounts(MeterRegistry meters, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return Gauge.builder("gridgov.identity.locked.accounts", jdbc, db -> {
                    Long locked = db.queryForObject("select count(*) from user_account where locked_by_admin "
                            + "or locked_until > now()", Long.class);
                    return locked == null ? 0 : locked;
                })
                .description("accounts locked now, after wrong passwords or by an admin").register(meters);
    }

    /** Before every security chain: a session whose password is still an admin's reaches only {@code /password}. */
    @Bean
    FilterRegistrationBean<PasswordChange.Pending> passwordChangeFirst() {
        FilterRegistrationBean<PasswordChange.Pending> filter = new FilterRegistrationBean<>(new PasswordChange.Pending());
        filter.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return filter;
    }

    /** Everything the other chains do not take: the login form, the actuator, and nothing else without signing in. */
    @Bean
    @Order(10)
    // The provider is a bean, so it is the one AuthenticationManager of the application; it is not added to this
    // chain as well, where a failure would be counted twice (once here, once in the parent manager).
    SecurityFilterChain signIn(HttpSecurity http, UserAccounts users) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(PasswordChange.afterSignIn(users)).failureHandler((request, response, failure) -> {
                    request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
                    response.sendRedirect(request.getContextPath() + LoginPage.failureUrl(failure));
                }));
        return http.build();
    }
}
