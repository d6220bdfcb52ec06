package org.gridgov.system.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.gridgov.local.service.ServiceSpec;

/**
 * What "the system converged" means, checked behind the API in the services' own databases. Each
 * check is a list of discrepancies, empty when all is well, and {@link #await} waits for every one
 * of them to become empty, since events take a moment to flow.
 *
 * <ul>
 * <li>no outbox row is left unsent in any service;</li>
 * <li>every wish is in a consistent state: its last history entry leads to its status, a claimed
 * or later wish has a claimer, a closed one a closing time;</li>
 * <li>matching-service's and member-service's views of every wish agree with wish-service;</li>
 * <li>the points ledger holds exactly one award per closed wish and person who served it.</li>
 * </ul>
 */
public final class Convergence {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);
    private static final Set<String> CLAIMED_OR_LATER = Set.of("CLAIMED", "FULFILLED", "CLOSED");

    private final SystemPlatform platform;

    public Convergence(SystemPlatform platform) {
        this.platform = platform;
    }

    /** Waits until every check passes, or fails with what is still wrong. */
    public void await() {
        await(DEFAULT_WAIT);
    }

    public void await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> wrong;
        while (true) {
            wrong = discrepancies();
            if (wrong.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the platform did not converge within " + timeout.toSeconds() + " s:\n  "
                        + String.join("\n  ", wrong.subList(0, Math.min(40, wrong.size())))
                        + (wrong.size() > 40 ? "\n  … and " + (wrong.size() - 40) + " more" : ""));
            }
            TestCommunity.sleep(1000);
        }
    }

    public List<String> discrepancies() {
        List<String> wrong = new ArrayList<>();
        wrong.addAll(unsentOutboxRows());
        wrong.addAll(inconsistentWishes());
        wrong.addAll(readModelsBehind());
        wrong.addAll(pointsLedgerMismatches());
        return wrong;
    }

    public List<String> unsentOutboxRows() {
        List<String> wrong = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.values()) {
            service.database().ifPresent(database -> {
                long unsent = count(service, "select count(*) from kit_outbox where sent_at is null");
                if (unsent > 0) {
                    wrong.add(service.module() + ": " + unsent + " outbox rows unsent");
                }
            });
        }
        return wrong;
    }

    public List<String> inconsistentWishes() {
        List<String> wrong = new ArrayList<>();
        query(ServiceSpec.WISH, """
                select w.id, w.status, w.claimer_id, w.closed_at, w.ended_at,
                       (select h.to_status from wish_history h where h.wish_id = w.id order by h.id desc limit 1) last_status,
                       (select count(*) from wish_history h where h.wish_id = w.id and h.action = 'SUBMITTED') submitted
                from wish w""", row -> {
            String id = row.getString(1);
            String status = row.getString(2);
            if (!status.equals(row.getString(6))) {
                wrong.add("wish " + id + " is " + status + " but its history ends at " + row.getString(6));
            }
            if (row.getLong(7) != 1) {
                wrong.add("wish " + id + " was submitted " + row.getLong(7) + " times in its history");
            }
            if (CLAIMED_OR_LATER.contains(status) && row.getString(3) == null) {
                wrong.add("wish " + id + " is " + status + " without a claimer");
            }
            if (status.equals("CLOSED") && row.getTimestamp(4) == null) {
                wrong.add("wish " + id + " is CLOSED without a closing time");
            }
        });
        return wrong;
    }

    /** matching-service keeps each wish's status from wish.events; member-service each closed wish's community. */
    public List<String> readModelsBehind() {
        Map<String, String> truth = wishStatuses(ServiceSpec.WISH, "select id, status from wish");
        Map<String, String> matching = wishStatuses(ServiceSpec.MATCHING, "select id, status from wish");
        List<String> wrong = new ArrayList<>();
        truth.forEach((id, status) -> {
            if (!status.equals(matching.get(id))) {
                wrong.add("matching-service sees wish " + id + " as " + matching.get(id) + ", wish-service as " + status);
            }
        });
        matching.keySet().stream().filter(id -> !truth.containsKey(id))
                .forEach(id -> wrong.add("matching-service knows a wish " + id + " that wish-service does not"));
        return wrong;
    }

    /**
     * One WISH_CLOSED award per closed wish and member who served it (the claiming party member,
     * the members a claiming unit named), none for anything else.
     */
    public List<String> pointsLedgerMismatches() {
        Set<String> expected = new TreeSet<>();
        query(ServiceSpec.WISH, """
                select id, claimer_id from wish where status = 'CLOSED' and claimer_kind = 'PARTY_MEMBER' and reopened = 0
                union
                select id, unnest(served_member_ids) from wish where status = 'CLOSED' and reopened = 0""",
                row -> expected.add(row.getString(1) + " → " + row.getString(2)));
        // a reopened wish keeps the points of its first close (paid once per wish): not reconstructible here
        Set<String> reopened = new TreeSet<>();
        query(ServiceSpec.WISH, "select id from wish where reopened > 0", row -> reopened.add(row.getString(1)));
        Map<String, Integer> awarded = new TreeMap<>();
        query(ServiceSpec.MEMBER, "select cause_id, member_id from points_transaction where cause = 'WISH_CLOSED'",
                row -> {
                    if (!reopened.contains(row.getString(1))) {
                        awarded.merge(row.getString(1) + " → " + row.getString(2), 1, Integer::sum);
                    }
                });
        List<String> wrong = new ArrayList<>();
        expected.stream().filter(award -> !awarded.containsKey(award))
                .forEach(award -> wrong.add("no points for closed wish → member " + award));
        awarded.forEach((award, times) -> {
            if (!expected.contains(award)) {
                wrong.add("points without a closed wish: " + award);
            } else if (times != 1) {
                wrong.add("points awarded " + times + " times: " + award);
            }
        });
        return wrong;
    }

    /** The number a query counts in a service's database. */
    public long count(ServiceSpec service, String sql) {
        long[] result = new long[1];
        query(service, sql, row -> result[0] = row.getLong(1));
        return result[0];
    }

    /** Runs a query in a service's database, handing each row to {@code each}. */
    public void query(ServiceSpec service, String sql, RowHandler each) {
        try (Connection connection = platform.database(service); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                each.accept(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.module() + ": " + sql, e);
        }
    }

    /** Retries a check until it holds: for effects that arrive as events. */
    public static <T> T eventually(Duration timeout, Supplier<T> attempt, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = attempt.get();
            if (done.test(value) || System.nanoTime() > deadline) {
                return value;
            }
            TestCommunity.sleep(500);
        }
    }

    private Map<String, String> wishStatuses(ServiceSpec service, String sql) {
        Map<String, String> statuses = new HashMap<>();
        query(service, sql, row -> statuses.put(row.getString(1), row.getString(2)));
        return statuses;
    }

    @FunctionalInterface
    public interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }
}
