package org.gridgov.member.points.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * The points ledger's rules in memory: the journal only grows, a member's balance never drops
 * below zero, and a cause credits or debits a member at most once. The database adapter enforces
 * the same rules with a conditional update and a unique key; this is the model they are held to.
 */
public final class Ledger {

    public enum Outcome { POSTED, ALREADY_POSTED }

    private final List<LedgerTransaction> journal = new ArrayList<>();
    private final Map<Account, Long> balances = new HashMap<>();
    private final Set<CauseKey> causes = new HashSet<>();

    /**
     * Posts the transaction, or changes nothing when the same cause already moved this member's points.
     *
     * @throws Refusal {@code INSUFFICIENT_POINTS} when the member's balance would go below zero
     */
    public Outcome post(LedgerTransaction transaction) {
        CauseKey key = CauseKey.of(transaction);
        if (causes.contains(key)) {
            return Outcome.ALREADY_POSTED;
        }
        long after = balance(Account.member(transaction.memberId())) + transaction.memberDelta();
        if (after < 0) {
            throw insufficientPoints();
        }
        causes.add(key);
        journal.add(transaction);
        transaction.postings().forEach(posting -> balances.merge(posting.account(), posting.amount(), Long::sum));
        return Outcome.POSTED;
    }

    public long balance(Account account) {
        return balances.getOrDefault(account, 0L);
    }

    public List<LedgerTransaction> journal() {
        return List.copyOf(journal);
    }

    public Set<Account> accounts() {
        return Set.copyOf(balances.keySet());
    }

    public static Refusal insufficientPoints() {
        return Refusal.conflict("INSUFFICIENT_POINTS", "The points balance is too low for this.");
    }

    /** A cause moves one member's points once, whatever event or request brings it again. */
    public record CauseKey(CauseKind kind, UUID causeId, UUID memberId) {
        public static CauseKey of(LedgerTransaction transaction) {
            return new CauseKey(transaction.cause().kind(), transaction.cause().id(), transaction.memberId());
        }
    }
}
