package org.gridgov.identity.user;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.identity.IdentityProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a username and password against the user store, counting wrong passwords: after
 * {@code lockout.max-failures} in a row the account is locked for {@code lockout.duration}, and a
 * locked account is refused even with the right password. An unknown username and a wrong password
 * get the same answer.
 */
public class LockingAuthenticationProvider implements AuthenticationProvider {

    private static final List<String> OUTCOMES = List.of("success", "bad_credentials", "locked", "locked_by_admin", "disabled");

    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final IdentityProperties.Lockout lockout;
    private final Clock clock;
    /** Compared against when the username is unknown, so that the answer takes as long as for a wrong password. */
    private final String decoyHash;

    private final MeterRegistry meters;

    public LockingAuthenticationProvider(UserAccounts users, PasswordEncoder passwords, IdentityProperties.Lockout lockout,
            Clock clock, MeterRegistry meters) {
        this.users = users;
        this.meters = meters;
        this.passwords = passwords;
        this.lockout = lockout;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-for-unknown-users");
        // every outcome from 0 at start: the alerts and the dashboard read them before the first sign-in
        OUTCOMES.forEach(outcome -> meters.counter("gridgov.identity.sign.ins", "outcome", outcome));
        meters.counter("gridgov.identity.lockouts");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Optional<UserAccount> found = users.find(username);
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            count("bad_credentials");
            throw new BadCredentialsException("bad credentials");
        }
        UserAccount user = found.get();
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            count("locked");
            throw new AccountLockedException(user.lockedUntil());
        }
        if (users.lockedByAdmin(username)) {
            count("locked_by_admin");
            throw new LockedException("locked by an admin");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            UserAccount failed = user.afterFailedLogin(now, lockout.maxFailures(), lockout.duration());
            users.saveSignInState(failed);
            count("bad_credentials");
            if (failed.lockedAt(now)) {
                meters.counter("gridgov.identity.lockouts").increment();
            }
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.enabled()) {
            count("disabled");
            throw new DisabledException("the account is disabled");
        }
        count("success");
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            users.saveSignInState(user.afterSuccessfulLogin());
        }
        // the password factor, with when it was given: the ID token's auth_time
        List<GrantedAuthority> authorities = new ArrayList<>(
                AuthorityUtils.createAuthorityList(user.roles().stream().map(role -> "ROLE_" + role).toList()));
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(now).build());
        return UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities);
    }

    /** gridgov_identity_sign_ins_total{outcome}: success, bad_credentials, locked, locked_by_admin, disabled. */
    private void count(String outcome) {
        meters.counter("gridgov.identity.sign.ins", "outcome", outcome).increment();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
