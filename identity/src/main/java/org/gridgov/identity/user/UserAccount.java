package org.gridgov.identity.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who signs in: what their tokens say about them (roles, jurisdiction, unit, member,
 * department, scope, name) and the state of their sign-ins (failures in a row, locked until).
 */
public record UserAccount(String username, String passwordHash, String name, List<String> roles, String jurisdiction,
        String unit, String member, String department, String scope, int failedLogins, Instant lockedUntil,
        boolean enabled) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = List.copyOf(roles);
    }

    /** Locked now: too many wrong passwords, and the lock has not run out yet. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Optional<Instant> lockedUntilIfLockedAt(Instant now) {
        return lockedAt(now) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /**
     * The account after one more wrong password: the count goes up, and at {@code maxFailures} the
     * account is locked for {@code lockFor} and the count starts again.
     */
    public UserAccount afterFailedLogin(Instant now, int maxFailures, Duration lockFor) {
        int failures = lockedUntil != null && !lockedAt(now) ? 1 : failedLogins + 1;
        if (failures >= maxFailures) {
            return with(0, now.plus(lockFor));
        }
        return with(failures, lockedAt(now) ? lockedUntil : null);
    }

    public UserAccount afterSuccessfulLogin() {
        return with(0, null);
    }

    private UserAccount with(int failures, Instant until) {
        return new UserAccount(username, passwordHash, name, roles, jurisdiction, unit, member, department, scope,
                failures, until, enabled);
    }
}
