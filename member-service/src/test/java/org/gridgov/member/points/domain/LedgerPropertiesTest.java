package org.gridgov.member.points.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.gridgov.member.domain.Refusal;

/**
 * Random sequences of awards, redemptions, expiries and corrections over a few members: after
 * every step each balance is the sum of its account's entries, all balances add up to zero, no
 * member is below zero, and a refused or repeated operation changed nothing.
 */
class LedgerPropertiesTest {

    private static final List<UUID> MEMBERS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    // few cause ids, so that the same cause comes round again, as a redelivered event would
    private static final List<UUID> CAUSES = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    @Property(tries = 300)
    void the_entries_always_add_up_to_the_balances(@ForAll("operations") List<Operation> operations) {
        Ledger ledger = new Ledger();
        for (Operation operation : operations) {
            Map<Account, Long> before = balances(ledger);
            int journalBefore = ledger.journal().size();
            LedgerTransaction transaction = operation.transaction();
            try {
                Ledger.Outcome outcome = ledger.post(transaction);
                if (outcome == Ledger.Outcome.ALREADY_POSTED) {
                    assertThat(balances(ledger)).as("a repeated cause changes nothing").isEqualTo(before);
                    assertThat(ledger.journal()).hasSize(journalBefore);
                } else {
                    assertThat(ledger.balance(Account.member(transaction.memberId())))
                            .isEqualTo(before.getOrDefault(Account.member(transaction.memberId()), 0L) + transaction.memberDelta());
                }
            } catch (Refusal refusal) {
                assertThat(refusal.reason()).isEqualTo("INSUFFICIENT_POINTS");
                assertThat(before.getOrDefault(Account.member(transaction.memberId()), 0L) + transaction.memberDelta())
                        .as("refused only when the balance really was short").isNegative();
                assertThat(balances(ledger)).as("a refused debit changes nothing").isEqualTo(before);
            }
            assertInvariants(ledger);
        }
    }

    private static void assertInvariants(Ledger ledger) {
        Map<Account, Long> sums = new HashMap<>();
        for (LedgerTransaction transaction : ledger.journal()) {
            assertThat(transaction.postings().stream().mapToLong(Posting::amount).sum()).isZero();
            transaction.postings().forEach(posting -> sums.merge(posting.account(), posting.amount(), Long::sum));
        }
        for (Account account : ledger.accounts()) {
            assertThat(ledger.balance(account)).as(account.code()).isEqualTo(sums.getOrDefault(account, 0L));
            if (account.isMember()) {
                assertThat(ledger.balance(account)).as(account.code()).isNotNegative();
            }
        }
        assertThat(ledger.accounts().stream().mapToLong(ledger::balance).sum()).isZero();
    }

    private static Map<Account, Long> balances(Ledger ledger) {
        Map<Account, Long> balances = new HashMap<>();
        ledger.accounts().forEach(account -> balances.put(account, ledger.balance(account)));
        return balances;
    }

    /** One step a test drives: its transaction is built fresh each time, like a new request or event. */
    interface Operation {
        LedgerTransaction transaction();
    }

    record Award(UUID member, CauseKind kind, UUID cause, long points) implements Operation {
        public LedgerTransaction transaction() {
            Cause why = kind == CauseKind.WISH_CLOSED ? Cause.wishClosed(cause) : Cause.serviceRecord(cause);
            return LedgerTransaction.credit(UUID.randomUUID(), member, points, why, NOW);
        }
    }

    record Redeem(UUID member, long points) implements Operation {
        public LedgerTransaction transaction() {
            UUID redemption = UUID.randomUUID();
            return LedgerTransaction.debit(redemption, member, points, Cause.redemption(redemption), NOW);
        }
    }

    record Expire(UUID member, UUID cutOff, long points) implements Operation {
        public LedgerTransaction transaction() {
            return LedgerTransaction.debit(UUID.randomUUID(), member, points, Cause.expiry(cutOff, "earned before 2026"), NOW);
        }
    }

    record Correct(UUID member, long delta) implements Operation {
        public LedgerTransaction transaction() {
            return LedgerTransaction.correction(UUID.randomUUID(), member, delta, "录入错误", "admin", NOW);
        }
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<UUID> member = Arbitraries.of(MEMBERS);
        Arbitrary<UUID> cause = Arbitraries.of(CAUSES);
        Arbitrary<Long> points = Arbitraries.longs().between(1, 300);
        Arbitrary<Operation> award = Combinators.combine(member, Arbitraries.of(CauseKind.WISH_CLOSED, CauseKind.SERVICE_RECORD),
                cause, points).as(Award::new);
        Arbitrary<Operation> redeem = Combinators.combine(member, points).as(Redeem::new);
        Arbitrary<Operation> expire = Combinators.combine(member, cause, points).as(Expire::new);
        Arbitrary<Operation> correct = Combinators.combine(member,
                Arbitraries.longs().between(-300, 300).filter(delta -> delta != 0)).as(Correct::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(4, award), Tuple.of(4, redeem),
                        Tuple.of(1, expire), Tuple.of(2, correct))
                .list().ofMaxSize(60);
    }
}
