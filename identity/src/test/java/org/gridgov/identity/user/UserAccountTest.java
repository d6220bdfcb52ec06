package org.gridgov.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    private final UserAccount fresh = new UserAccount("u", "{bcrypt}x", "名", List.of("RESIDENT"), null, null, null, null,
            null, 0, null, true);

    @Test
    void the_fifth_wrong_password_in_a_row_locks_the_account_for_the_lock_duration() {
        UserAccount account = fresh;
        for (int i = 0; i < 4; i++) {
            account = account.afterFailedLogin(NOW, 5, LOCK);
        }
        assertThat(account.lockedAt(NOW)).isFalse();
        assertThat(account.failedLogins()).isEqualTo(4);

        account = account.afterFailedLogin(NOW, 5, LOCK);

        assertThat(account.lockedAt(NOW)).isTrue();
        assertThat(account.lockedAt(NOW.plus(LOCK).minusSeconds(1))).isTrue();
        assertThat(account.lockedAt(NOW.plus(LOCK))).isFalse();
    }

    @Test
    void after_the_lock_ran_out_the_count_starts_again() {
        UserAccount locked = new UserAccount("u", "{bcrypt}x", null, List.of(), null, null, null, null, null, 0,
                NOW.plus(LOCK), true);

        UserAccount later = locked.afterFailedLogin(NOW.plus(LOCK).plusSeconds(1), 5, LOCK);

        assertThat(later.failedLogins()).isEqualTo(1);
        assertThat(later.lockedAt(NOW.plus(LOCK).plusSeconds(1))).isFalse();
    }

    @Test
    void a_successful_sign_in_clears_the_failures() {
        UserAccount twice = fresh.afterFailedLogin(NOW, 5, LOCK).afterFailedLogin(NOW, 5, LOCK);

        assertThat(twice.afterSuccessfulLogin().failedLogins()).isZero();
        assertThat(twice.afterSuccessfulLogin().lockedUntil()).isNull();
    }
}
