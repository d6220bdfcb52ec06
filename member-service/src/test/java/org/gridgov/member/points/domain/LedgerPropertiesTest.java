package org.gridgov.member.points.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.member.points.domain.LedgerOperations.Operation;

/**
 * Random sequences of awards, redemptions, expiries and corrections over a few members: after
 * every step each balance is the sum of its account's entries, all balances add up to zero, no
 * member is below zero, and a refused or repeated operation changed nothing.
 */
class LedgerPropertiesTest {

    private static final List<UUID> MEMBERS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private static final List<UUID> CAUSES = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID());

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
                assertThat(refusal.code()).isEqualTo("INSUFFICIENT_POINTS");
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

    @Provide
    Arbitrary<List<Operation>> operations() {
        return LedgerOperations.sequences(MEMBERS, CAUSES, 60);
    }
}
