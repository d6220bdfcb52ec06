package org.gridgov.identity.user;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** The account is locked after too many wrong passwords, until {@link #until()}. */
public class AccountLockedException extends LockedException {

    private final Instant until;

    public AccountLockedException(Instant until) {
        super("the account is locked until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
