package org.gridgov.member.points.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class LedgerTransactionTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void a_redemption_moves_points_from_the_member_to_the_store() {
        UUID redemption = UUID.randomUUID();
        LedgerTransaction transaction = LedgerTransaction.debit(redemption, MEMBER, 30, Cause.redemption(redemption), NOW);
        assertThat(transaction.postings()).containsExactly(new Posting(Account.member(MEMBER), -30), new Posting(Account.STORE, 30));
        assertThat(transaction.memberDelta()).isEqualTo(-30);
    }

    @Test
    void a_correction_names_its_reason_and_who_made_it() {
        assertThatThrownBy(() -> LedgerTransaction.correction(UUID.randomUUID(), MEMBER, 5, " ", "admin", NOW))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> LedgerTransaction.correction(UUID.randomUUID(), MEMBER, 5, "录入错误", null, NOW))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> LedgerTransaction.correction(UUID.randomUUID(), MEMBER, 0, "录入错误", "admin", NOW))
                .isInstanceOf(Refusal.class);
        assertThat(LedgerTransaction.correction(UUID.randomUUID(), MEMBER, -5, "录入错误", "admin", NOW).postings())
                .contains(new Posting(Account.CORRECTIONS, 5));
    }

    @Test
    void postings_that_do_not_balance_or_touch_two_members_are_impossible() {
        Cause cause = Cause.wishClosed(UUID.randomUUID());
        assertThatThrownBy(() -> new LedgerTransaction(UUID.randomUUID(), MEMBER, cause,
                List.of(new Posting(Account.ISSUED, -10), new Posting(Account.member(MEMBER), 9)), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerTransaction(UUID.randomUUID(), MEMBER, cause,
                List.of(new Posting(Account.member(UUID.randomUUID()), -10), new Posting(Account.member(MEMBER), 10)), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerTransaction.credit(UUID.randomUUID(), MEMBER, 10, Cause.redemption(UUID.randomUUID()), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void service_hours_earn_points_rounded_and_at_least_one() {
        PointsPolicy policy = new PointsPolicy(20, 10);
        assertThat(policy.forServiceHours(new BigDecimal("2.5"))).isEqualTo(25);
        assertThat(policy.forServiceHours(new BigDecimal("0.1"))).isEqualTo(1);
        assertThat(policy.forClosedWish()).isEqualTo(20);
    }

    @Test
    void points_lapse_first_in_first_out() {
        assertThat(Expiry.lapsing(20, 10)).isEqualTo(10);
        assertThat(Expiry.lapsing(20, 30)).isZero();
        assertThat(Expiry.lapsing(0, 0)).isZero();
    }
}
