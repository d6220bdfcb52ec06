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
import org.gridgov.wish.kpi.domain.PushBack;
import org.gridgov.wish.kpi.domain.StepMedians;
import org.gridgov.wish.kpi.domain.Tally;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Counts wishes submitted in a period, for a grid-tree node, a claimer, or every community at once. */
@Component
public record KpiStore(DatabaseClient db) {

    private static final String OPEN = "('SUBMITTED', 'DISPATCHED', 'CLAIMED', 'FULFILLED', 'AWAITING_INFO')";
    private static final String FIGURES = """
            select count(*) as submitted,
                count(*) filter (where w.dispatched_at is not null) as dispatched,
                count(*) filter (where w.status in ('CLAIMED', 'FULFILLED', 'CLOSED')) as claimed,
                count(*) filter (where w.status = 'CLOSED') as closed,
                count(*) filter (where w.status = 'CLOSED' and not coalesce(s.breached, false)) as closed_on_time,
                count(*) filter (where w.status in %s and (coalesce(s.breached, false)
                    or (s.due_at < :now and s.paused_at is null))) as overdue_open,
                count(w.rating) as rated,
                coalesce(sum(w.rating), 0) as rating_total,
                count(*) filter (where w.rating >= 4) as satisfied,
                count(*) filter (where w.status = 'CLOSED' or w.reopened > 0) as ever_closed,
                count(*) filter (where w.reopened > 0) as reopened,
                coalesce(sum(w.urged), 0) as urges,
                extract(epoch from percentile_cont(0.5) within group (order by w.dispatched_at - w.submitted_at))::float8 as to_dispatch,
                extract(epoch from percentile_cont(0.5) within group (order by w.claimed_at - w.dispatched_at))::float8 as to_claim,
                extract(epoch from percentile_cont(0.5) within group (order by w.fulfilled_at - w.claimed_at))::float8 as to_fulfil,
                extract(epoch from percentile_cont(0.5) within group (order by w.closed_at - w.fulfilled_at))::float8 as to_close
            """.formatted(OPEN);
    private static final String FROM = """
            from wish w left join wish_sla s on s.wish_id = w.id
            where w.submitted_at >= :from and w.submitted_at < :to""";

    /**
     * The wishes a claimer closed (closed now under its claim, or reopened after it had closed them),
     * and how many of them were reopened: its record keeps a reopening after the wish moved on.
     */
    private static final String CLAIMER_REOPENINGS = """
            with closed_by as (
                select w.id from wish w where w.claimer_id = :claimer and w.status = 'CLOSED'
                    and w.submitted_at >= :from and w.submitted_at < :to %1$s
                union
                select w.id from wish_reopening r join wish w on w.id = r.wish_id where r.claimer_id = :claimer
                    and w.submitted_at >= :from and w.submitted_at < :to %1$s)
            select count(*) as ever_closed,
                count(*) filter (where exists (select 1 from wish_reopening r
                    where r.wish_id = c.id and r.claimer_id = :claimer)) as reopened
            from closed_by c""";

    /** The figures of the wishes placed inside {@code node}, optionally only those {@code claimer} holds or did. */
    public Mono<Kpis> forArea(Optional<UUID> node, Optional<UUID> claimer, Instant from, Instant to, Instant now) {
        String inNode = node.isPresent() ? " and :node = any(w.area_path)" : "";
        String sql = FIGURES + FROM + inNode + (claimer.isPresent() ? " and w.claimer_id = :claimer" : "");
        Mono<Kpis> figures = bind(db.sql(sql), node, claimer, from, to).bind("now", Sql.utc(now))
                .map(KpiStore::kpis).one();
        if (claimer.isEmpty()) {
            return figures;
        }
        Mono<long[]> reopenings = bind(db.sql(CLAIMER_REOPENINGS.formatted(inNode)), node, claimer, from, to)
                .map(row -> new long[] {count(row, "ever_closed"), count(row, "reopened")}).one();
        return Mono.zip(figures, reopenings).map(both -> {
            Kpis k = both.getT1();
            return Kpis.of(k.tally(), new PushBack(both.getT2()[0], both.getT2()[1], k.pushBack().urges()), k.medians());
        });
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec query, Optional<UUID> node,
                                                          Optional<UUID> claimer, Instant from, Instant to) {
        query = query.bind("from", Sql.utc(from)).bind("to", Sql.utc(to));
        query = node.isPresent() ? query.bind("node", node.get()) : query;
        return claimer.isPresent() ? query.bind("claimer", claimer.get()) : query;
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
        PushBack pushBack = new PushBack(count(row, "ever_closed"), count(row, "reopened"), count(row, "urges"));
        return Kpis.of(tally, pushBack, new StepMedians(seconds(row, "to_dispatch"), seconds(row, "to_claim"),
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
