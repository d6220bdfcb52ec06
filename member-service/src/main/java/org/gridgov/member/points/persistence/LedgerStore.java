package org.gridgov.member.points.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.data.Sql;
import org.gridgov.member.points.domain.Account;
import org.gridgov.member.points.domain.CauseKind;
import org.gridgov.member.points.domain.Ledger;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.domain.Posting;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ledger in PostgreSQL, holding to the rules of {@link Ledger}: the cause's unique key makes a
 * repeated cause a no-op, and the member's balance moves with a conditional update, so concurrent
 * debits queue on the account row and none can take it below zero. Must run inside a transaction.
 */
@Component
public record LedgerStore(DatabaseClient db) {

    /**
     * Posts the transaction and emits the member's balance after it; emits nothing when its cause
     * already moved this member's points.
     *
     * @throws org.gridgov.kit.domain.Refusal {@code INSUFFICIENT_POINTS} (as an error signal)
     */
    public Mono<Long> post(LedgerTransaction transaction) {
        return db.sql("""
                        insert into points_transaction (id, member_id, cause, cause_id, reason, actor, occurred_at)
                        values (:id, :memberId, :cause, :causeId, :reason, :actor, :occurredAt)
                        on conflict (cause, cause_id, member_id) do nothing""")
                .bind("id", transaction.id())
                .bind("memberId", transaction.memberId())
                .bind("cause", transaction.cause().kind().name())
                .bind("causeId", transaction.cause().id())
                .bind("reason", Sql.nullable(transaction.cause().reason(), String.class))
                .bind("actor", Sql.nullable(transaction.cause().actor(), String.class))
                .bind("occurredAt", Sql.utc(transaction.occurredAt()))
                .fetch().rowsUpdated()
                .filter(inserted -> inserted == 1)
                .flatMap(inserted -> moveBalance(transaction.memberId(), transaction.memberDelta()))
                .flatMap(balance -> writeEntries(transaction, balance).thenReturn(balance));
    }

    private Mono<Long> moveBalance(UUID memberId, long delta) {
        if (delta > 0) {
            return db.sql("""
                            insert into points_account (member_id, balance) values (:memberId, :delta)
                            on conflict (member_id) do update set balance = points_account.balance + excluded.balance
                            returning balance""")
                    .bind("memberId", memberId).bind("delta", delta)
                    .map(row -> row.get("balance", Long.class)).one();
        }
        // the row lock makes concurrent debits wait; the condition is checked again on the latest balance
        return db.sql("""
                        update points_account set balance = balance + :delta
                        where member_id = :memberId and balance + :delta >= 0
                        returning balance""")
                .bind("memberId", memberId).bind("delta", delta)
                .map(row -> row.get("balance", Long.class)).one()
                .switchIfEmpty(Mono.error(Ledger::insufficientPoints));
    }

    // one statement for both postings: R2DBC pays a round trip per statement
    private Mono<Void> writeEntries(LedgerTransaction transaction, long memberBalance) {
        StringBuilder sql = new StringBuilder("insert into points_entry (transaction_id, account, amount, balance_after) values ");
        for (int i = 0; i < transaction.postings().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:tx, :account").append(i).append(", :amount").append(i)
                    .append(", :balance").append(i).append(")");
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql(sql.toString()).bind("tx", transaction.id());
        for (int i = 0; i < transaction.postings().size(); i++) {
            Posting posting = transaction.postings().get(i);
            insert = insert.bind("account" + i, posting.account().code())
                    .bind("amount" + i, posting.amount())
                    .bind("balance" + i, Sql.nullable(posting.account().isMember() ? memberBalance : null, Long.class));
        }
        return insert.fetch().rowsUpdated().then();
    }

    /** Balance, and points earned ever (credits other than corrections' reversals). */
    public record AccountSummary(UUID memberId, long balance, long earned) {
    }

    public Mono<AccountSummary> summary(UUID memberId) {
        return db.sql("""
                        select coalesce((select balance from points_account where member_id = :memberId), 0) as balance,
                               cast(coalesce((select sum(amount) from points_entry where account = :account and amount > 0), 0) as bigint) as earned""")
                .bind("memberId", memberId).bind("account", Account.member(memberId).code())
                .map(row -> new AccountSummary(memberId, row.get("balance", Long.class), row.get("earned", Long.class)))
                .one();
    }

    /** One line of a member's statement. */
    public record Entry(long entryId, UUID transactionId, long points, long balanceAfter, CauseKind cause, UUID causeId,
                        String reason, String actor, Instant occurredAt) {
    }

    /** A member's entries, newest first, before entry {@code beforeEntryId}. */
    public Flux<Entry> entries(UUID memberId, Optional<Long> beforeEntryId, int limit) {
        return db.sql("""
                        select e.id, e.transaction_id, e.amount, e.balance_after, t.cause, t.cause_id, t.reason, t.actor, t.occurred_at
                        from points_entry e join points_transaction t on t.id = e.transaction_id
                        where e.account = :account and (cast(:before as bigint) is null or e.id < :before)
                        order by e.id desc
                        limit :limit""")
                .bind("account", Account.member(memberId).code())
                .bind("before", Sql.optional(beforeEntryId, Long.class))
                .bind("limit", limit)
                .map(row -> new Entry(row.get("id", Long.class), row.get("transaction_id", UUID.class),
                        row.get("amount", Long.class), row.get("balance_after", Long.class),
                        CauseKind.valueOf(row.get("cause", String.class)), row.get("cause_id", UUID.class),
                        row.get("reason", String.class), row.get("actor", String.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** What an expiry needs per member of a community: credits before the cut-off and all debits so far. */
    public record ExpiryBasis(UUID memberId, long creditedBefore, long debitedSoFar) {
    }

    /**
     * Locks the accounts of the community's members with points first, so that a redemption cannot
     * slip in between reading what lapses and taking it.
     */
    public Flux<ExpiryBasis> expiryBasis(UUID communityId, Instant cutOff) {
        Mono<Long> lock = db.sql("""
                        select a.member_id from points_account a join party_member m on m.id = a.member_id
                        where m.community_id = :communityId and a.balance > 0
                        order by a.member_id for update of a""")
                .bind("communityId", communityId)
                .map(row -> row.get("member_id", UUID.class)).all().count();
        return lock.thenMany(db.sql("""
                        select a.member_id,
                               cast(coalesce(sum(e.amount) filter (where e.amount > 0 and t.occurred_at < :cutOff), 0) as bigint) as credited,
                               cast(coalesce(-sum(e.amount) filter (where e.amount < 0), 0) as bigint) as debited
                        from points_account a
                        join party_member m on m.id = a.member_id and m.community_id = :communityId
                        join points_entry e on e.account = 'member:' || a.member_id
                        join points_transaction t on t.id = e.transaction_id
                        where a.balance > 0
                        group by a.member_id
                        order by a.member_id""")
                .bind("communityId", communityId).bind("cutOff", Sql.utc(cutOff))
                .map(row -> new ExpiryBasis(row.get("member_id", UUID.class), row.get("credited", Long.class),
                        row.get("debited", Long.class)))
                .all());
    }
}
