package org.gridgov.member.points.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random ledger operations over a few members: awards, redemptions, expiries and corrections,
 * with few cause ids, so that the same cause comes round again as a redelivered event would.
 * Driven against the in-memory model and against the ledger in PostgreSQL.
 */
public final class LedgerOperations {

    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    private LedgerOperations() {
    }

    /** One step a test drives: its transaction is built fresh each time, like a new request or event. */
    public interface Operation {
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

    /** Sequences of up to {@code maxSize} operations on the given members, with the given cause ids. */
    public static Arbitrary<List<Operation>> sequences(List<UUID> members, List<UUID> causes, int maxSize) {
        Arbitrary<UUID> member = Arbitraries.of(members);
        Arbitrary<UUID> cause = Arbitraries.of(causes);
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
                .list().ofMaxSize(maxSize);
    }
}
