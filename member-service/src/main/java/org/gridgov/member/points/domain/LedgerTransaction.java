package org.gridgov.member.points.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * One balanced movement of points: its postings add up to zero, exactly one of them is on the
 * member's account, and it has a cause. Transactions are never changed or removed; a mistake is
 * undone by a correction.
 */
public record LedgerTransaction(UUID id, UUID memberId, Cause cause, List<Posting> postings, Instant occurredAt) {

    public LedgerTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(occurredAt, "occurredAt");
        postings = List.copyOf(postings);
        if (postings.size() < 2 || postings.stream().mapToLong(Posting::amount).sum() != 0
                || postings.stream().anyMatch(posting -> posting.amount() == 0)) {
            throw new IllegalArgumentException("a ledger transaction needs non-zero postings that add up to zero");
        }
        List<Account> memberAccounts = postings.stream().map(Posting::account).filter(Account::isMember).toList();
        if (!memberAccounts.equals(List.of(Account.member(memberId)))) {
            throw new IllegalArgumentException("a ledger transaction moves the points of exactly one member");
        }
    }

    /** Points handed to the member: for a closed wish, an approved service record or a correction. */
    public static LedgerTransaction credit(UUID id, UUID memberId, long points, Cause cause, Instant at) {
        requirePositive(points);
        Account source = switch (cause.kind()) {
            case WISH_CLOSED, SERVICE_RECORD, ACTIVITY -> Account.ISSUED;
            case CORRECTION -> Account.CORRECTIONS;
            case REDEMPTION, EXPIRY -> throw new IllegalArgumentException(cause.kind() + " never credits a member");
        };
        return new LedgerTransaction(id, memberId, cause,
                List.of(new Posting(source, -points), new Posting(Account.member(memberId), points)), at);
    }

    /** Points taken from the member: for a redemption, an expiry or a correction. */
    public static LedgerTransaction debit(UUID id, UUID memberId, long points, Cause cause, Instant at) {
        requirePositive(points);
        Account target = switch (cause.kind()) {
            case REDEMPTION -> Account.STORE;
            case EXPIRY -> Account.EXPIRED;
            case CORRECTION -> Account.CORRECTIONS;
            case WISH_CLOSED, SERVICE_RECORD, ACTIVITY -> throw new IllegalArgumentException(cause.kind() + " never debits a member");
        };
        return new LedgerTransaction(id, memberId, cause,
                List.of(new Posting(Account.member(memberId), -points), new Posting(target, points)), at);
    }

    /** A correction by {@code delta} points, up or down. */
    public static LedgerTransaction correction(UUID id, UUID memberId, long delta, String reason, String actor,
                                               Instant at) {
        Cause cause = Cause.correction(id, reason, actor);
        if (delta == 0) {
            throw Refusal.invalid("A correction changes the balance by at least one point.");
        }
        return delta > 0 ? credit(id, memberId, delta, cause, at) : debit(id, memberId, -delta, cause, at);
    }

    /** How the member's balance changes: positive for a credit, negative for a debit. */
    public long memberDelta() {
        Account member = Account.member(memberId);
        return postings.stream().filter(posting -> posting.account().equals(member)).mapToLong(Posting::amount).sum();
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw Refusal.invalid("Points must be a positive whole number.");
        }
    }
}
