package org.gridgov.member.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.gridgov.member.MemberServiceIntegrationTest;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.member.points.domain.Account;
import org.gridgov.member.points.domain.Ledger;
import org.gridgov.member.points.domain.LedgerOperations;
import org.gridgov.member.points.domain.LedgerOperations.Operation;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.persistence.LedgerStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The ledger in PostgreSQL held to its model: random sequences of the operations that
 * LedgerPropertiesTest drives against the model, posted through the repository each in its own
 * transaction as the service posts them. Every step must end as it does in the model (posted,
 * already posted, or refused for want of points), and afterwards each member's balance is the sum
 * of their entries, the last entry's balance-after agrees, and every transaction balances.
 */
class LedgerOnPostgresIT extends MemberServiceIntegrationTest {

    private static final int SEQUENCES = 25;

    @Autowired
    private LedgerStore repository;
    @Autowired
    private TransactionalOperator tx;
    @Autowired
    private DatabaseClient db;

    @Test
    void random_ledger_operations_leave_every_balance_equal_to_the_sum_of_its_entries() {
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            List<UUID> members = freshIds(3);
            Ledger model = new Ledger();
            for (Operation operation : LedgerOperations.sequences(members, freshIds(5), 40).sample()) {
                LedgerTransaction transaction = operation.transaction();
                assertThat(postToDatabase(transaction)).as(transaction.toString()).isEqualTo(postToModel(model, transaction));
            }
            for (UUID member : members) {
                long balance = model.balance(Account.member(member));
                assertThat(number("select balance from points_account where member_id = :member", member))
                        .as("stored balance").isEqualTo(balance);
                assertThat(number("""
                        select cast(coalesce(sum(amount), 0) as bigint) from points_entry
                        where account = 'member:' || cast(:member as text)""", member))
                        .as("sum of entries").isEqualTo(balance);
                assertThat(number("""
                        select balance_after from points_entry where account = 'member:' || cast(:member as text)
                        order by id desc limit 1""", member))
                        .as("balance after the last entry").isEqualTo(balance);
                assertThat(number("""
                        select count(*) from (select e.transaction_id from points_entry e
                            join points_transaction t on t.id = e.transaction_id
                            where t.member_id = :member group by e.transaction_id having sum(e.amount) <> 0) unbalanced""",
                        member)).as("transactions that do not balance").isZero();
            }
        }
    }

    private static String postToModel(Ledger model, LedgerTransaction transaction) {
        try {
            return model.post(transaction).name();
        } catch (Refusal refusal) {
            return refusal.code();
        }
    }

    private String postToDatabase(LedgerTransaction transaction) {
        try {
            Optional<Long> balance = tx.transactional(repository.post(transaction)).blockOptional();
            return balance.isPresent() ? Ledger.Outcome.POSTED.name() : Ledger.Outcome.ALREADY_POSTED.name();
        } catch (Refusal refusal) {
            return refusal.code();
        }
    }

    /** A figure from the database, 0 when there is no row (an account never opened). */
    private long number(String sql, UUID member) {
        return db.sql(sql).bind("member", member).map(row -> row.get(0, Long.class)).one().blockOptional().orElse(0L);
    }

    private static List<UUID> freshIds(int count) {
        return Stream.generate(UUID::randomUUID).limit(count).toList();
    }
}
