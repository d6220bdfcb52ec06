package org.gridgov.wish.kpi.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.Sql;
import org.gridgov.wish.kpi.domain.Kpis;
import org.gridgov.wish.kpi.domain.StepMedians;
import org.gridgov.wish.kpi.domain.Tally;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Counts wishes submitted in a period, for a grid-tree node, a claimer, or every community at once. */
@Component
public class KpiStore {

    private static final String OPEN = "('SUBMITTED', 'DISPATCHED', 'CLAIMED', 'FULFILLED')";
    private static final String FIGURES = """
            select count(*) as submitted,
                count(*) filter (where w.dispatched_at is not null) as dispatched,
                count(*) filter (where w.status in ('CLAIMED', 'FULFILLED', 'CLOSED')) as claimed,
                count(*) filter (where w.status = 'CLOSED') as closed,
                count(*) filter (where w.status = 'CLOSED' and not coalesce(s.breached, false)) as closed_on_time,
                count(*) filter (where w.status in %s and (coalesce(s.breached, false) or s.due_at < :now)) as overdue_open,
                count(w.rating) as rated,
                coalesce(sum(w.rating), 0) as rating_total,
                count(*) filter (where w.rating >= 4) as satisfied,
                extract(epoch from percentile_cont(0.5) within group (order by w.dispatched_at - w.submitted_at))::float8 as to_dispatch,
                extract(epoch from percentile_cont(0.5) within group (order by w.claimed_at - w.dispatched_at))::float8 as to_claim,
                extract(epoch from percentile_cont(0.5) within group (order by w.fulfilled_at - w.claimed_at))::float8 as to_fulfil,
                extract(epoch from percentile_cont(0.5) within group (order by w.closed_at - w.fulfilled_at))::float8 as to_close
            """.formatted(OPEN);
    private static final String FROM = """
            from wish w left join wish_sla s on s.wish_id = w.id
            where w.submitted_at >= :from and w.submitted_at < :to""";

    private final DatabaseClient db;

    KpiStore(DatabaseClient db) {
        this.db = db;
    }

    /** The figures of the wishes placed inside {@code node}, optionally only those {@code claimer} holds or did. */
    public Mono<Kpis> forArea(Optional<UUID> node, Optional<UUID> claimer, Instant from, Instant to, Instant now) {
        String sql = FIGURES + FROM + (node.isPresent() ? " and :node = any(w.area_path)" : "")
                + (claimer.isPresent() ? " and w.claimer_id = :claimer" : "");
        DatabaseClient.GenericExecuteSpec query = db.sql(sql)
                .bind("from", Sql.utc(from)).bind("to", Sql.utc(to)).bind("now", Sql.utc(now));
        query = node.isPresent() ? query.bind("node", node.get()) : query;
        query = claimer.isPresent() ? query.bind("claimer", claimer.get()) : query;
        return query.map(KpiStore::kpis).one();
    }

    /** The figures of every community with wishes in the period, for the Prometheus gauges. */
    public Mono<Map<UUID, Kpis>> byCommunity(Instant from, Instant to, Instant now) {
        return db.sql(FIGURES + ", w.community_id " + FROM + " group by w.community_id")
                .bind("from", Sql.utc(from)).bind("to", Sql.utc(to)).bind("now", Sql.utc(now))
                .map(row -> Map.entry(row.get("community_id", UUID.class), kpis(row)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Kpis kpis(Readable row) {
        Tally tally = new Tally(count(row, "submitted"), count(row, "dispatched"), count(row, "claimed"),
                count(row, "closed"), count(row, "closed_on_time"), count(row, "overdue_open"), count(row, "rated"),
                count(row, "rating_total"), count(row, "satisfied"));
        return Kpis.of(tally, new StepMedians(seconds(row, "to_dispatch"), seconds(row, "to_claim"),
                seconds(row, "to_fulfil"), seconds(row, "to_close")));
    }

    private static long count(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Optional<Duration> seconds(Readable row, String column) {
        return Optional.ofNullable(row.get(column, Double.class)).map(s -> Duration.ofMillis(Math.round(s * 1000)));
    }
}
