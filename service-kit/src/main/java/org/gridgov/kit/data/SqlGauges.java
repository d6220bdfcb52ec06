package org.gridgov.kit.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.r2dbc.spi.Readable;
import org.gridgov.kit.runtime.PeriodicTask;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gauges counted by SQL for the dashboards, refreshed together at an interval: each is one query whose
 * rows become the gauge's series (tags from the row, the value from one column); series that no
 * longer come back are dropped. Tag by community, department or status — never by one case or wish.
 *
 * <pre>{@code
 * new SqlGauges("refreshing the case gauges", interval, db, meters)
 *         .gauge("gridgov.fieldwork.cases", "cases of the community by status",
 *                 "select community_id, status, count(*) as value from field_case group by community_id, status",
 *                 Map::of, row -> Tags.of("community", …, "status", …));
 * }</pre>
 */
public class SqlGauges extends PeriodicTask {

    private record Gauge(MultiGauge gauge, String sql, Supplier<Map<String, Object>> parameters,
                         Function<Readable, Tags> tags) {
    }

    private final DatabaseClient db;
    private final MeterRegistry meters;
    private final List<Gauge> gauges = new ArrayList<>();

    public SqlGauges(String name, Duration interval, DatabaseClient db, MeterRegistry meters) {
        super(name, interval);
        this.db = db;
        this.meters = meters;
    }

    /**
     * Adds a gauge: {@code sql} (its count in a column named {@code value}) with the parameters of the
     * moment of each round, and the tags of a row.
     */
    public SqlGauges gauge(String name, String description, String sql, Supplier<Map<String, Object>> parameters,
                           Function<Readable, Tags> tags) {
        gauges.add(new Gauge(MultiGauge.builder(name).description(description).register(meters), sql, parameters, tags));
        return this;
    }

    @Override
    protected Mono<Void> runOnce() {
        return refreshNow();
    }

    /** Every gauge counted again now (the rounds do it at the interval). */
    public Mono<Void> refreshNow() {
        return Flux.fromIterable(gauges).concatMap(this::refresh).then();
    }

    private Mono<Void> refresh(Gauge gauge) {
        DatabaseClient.GenericExecuteSpec query = db.sql(gauge.sql());
        for (Map.Entry<String, Object> parameter : gauge.parameters().get().entrySet()) {
            query = query.bind(parameter.getKey(), parameter.getValue());
        }
        return query.<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(gauge.tags().apply(row), row.get("value", Number.class)))
                .all().collectList()
                .doOnNext(rows -> gauge.gauge().register(rows, true))
                .then();
    }
}
