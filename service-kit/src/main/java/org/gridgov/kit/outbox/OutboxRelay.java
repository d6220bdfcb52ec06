package org.gridgov.kit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.runtime.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent in the same
 * database transaction. One relay per service database works at a time (a PostgreSQL advisory
 * lock), so with several replicas an aggregate's events still leave in order. If the broker is
 * down the transaction rolls back and the rows wait; if the service dies after publishing but
 * before committing, the rows are published again — consumers de-duplicate by event id.
 *
 * <p>The relay does not poll fast: a commit that wrote outbox rows wakes it at once through
 * {@link OutboxWakeUps} (PostgreSQL {@code LISTEN/NOTIFY}, which reaches every replica), and the
 * poll interval is only the safety net for a moment without that connection.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: identifies the relay's advisory lock within a service database. */
    private static final long LOCK_KEY = 0x6772_6964_676f_7601L;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentSeconds = new AtomicLong();
    private volatile boolean failing;
    private final PeriodicTask housekeeping;
    private final OutboxWakeUps wakeUps;
    /** Completed by the next wake-up; replaced before every round, so one arriving during a round starts the next. */
    private volatile Sinks.One<Boolean> nextWakeUp = Sinks.one();
    private volatile Disposable relaying;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
                       OutboxProperties properties, String source, MeterRegistry meters, OutboxWakeUps wakeUps) {
        this.db = db;
        this.wakeUps = wakeUps;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.source = source;
        this.published = Counter.builder("gridgov.outbox.published").description("events published from the outbox")
                .register(meters);
        this.failures = Counter.builder("gridgov.outbox.publish.failures")
                .description("relay batches that failed and will be retried").register(meters);
        this.lag = Timer.builder("gridgov.outbox.lag").description("from the state change to the event on the broker")
                .publishPercentileHistogram().register(meters);
        Gauge.builder("gridgov.outbox.backlog", backlog, AtomicLong::get).description("outbox rows not yet published")
                .register(meters);
        this.housekeeping = new PeriodicTask("outbox housekeeping", Duration.ZERO, Duration.ofSeconds(5),
                this::housekeeping);
        Gauge.builder("gridgov.outbox.oldest.unsent.age.seconds", oldestUnsentSeconds, AtomicLong::get)
                .description("age of the oldest outbox row not yet published").register(meters);
    }

    /** Publishes one batch if this replica holds the relay lock; emits the number of rows sent. */
    public Mono<Integer> relayOnce() {
        Mono<Integer> batch = db.sql("select pg_try_advisory_xact_lock(:key)").bind("key", LOCK_KEY)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one()
                .filter(Boolean::booleanValue)
                .flatMap(locked -> unsent())
                .filter(rows -> !rows.isEmpty())
                .flatMap(rows -> publish(rows).then(markSent(rows)).thenReturn(rows.size()));
        return tx.transactional(batch).defaultIfEmpty(0);
    }

    private Mono<List<OutboxRow>> unsent() {
        return db.sql("""
                        select id, event_id, topic, event_type, subject, data::text as data, correlation_id, occurred_at
                        from kit_outbox where sent_at is null order by id limit :limit""")
                .bind("limit", properties.batchSize())
                .map(row -> new OutboxRow(
                        row.get("id", Long.class),
                        row.get("topic", String.class),
                        new CloudEvent(String.valueOf(row.get("event_id")), row.get("event_type", String.class), source,
                                row.get("subject", String.class),
                                row.get("occurred_at", OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(row.get("correlation_id", String.class)),
                                row.get("data", String.class))))
                .all()
                .collectList();
    }

    private Mono<Void> publish(List<OutboxRow> rows) {
        // send() can block while the broker is unreachable (max.block.ms); keep it off the event loop
        return Mono.fromCallable(() -> rows.stream()
                        .map(row -> kafka.send(CloudEventKafka.toRecord(row.topic(), row.event())))
                        .toArray(CompletableFuture[]::new))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sends -> Mono.fromFuture(CompletableFuture.allOf(sends)))
                .doOnSuccess(ignored -> {
                    Instant now = Instant.now();
                    // a service on a controllable or skewed clock may stamp events ahead of this one
                    rows.forEach(row -> lag.record(max(Duration.between(row.event().time(), now), Duration.ZERO)));
                    published.increment(rows.size());
                });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Mono<Void> markSent(List<OutboxRow> rows) {
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        return db.sql("update kit_outbox set sent_at = now() where id = any(:ids)").bind("ids", ids)
                .fetch().rowsUpdated().then();
    }

    /** Refreshes the backlog gauges and purges rows sent longer ago than the retention. */
    Mono<Void> housekeeping() {
        Mono<Void> gauges = db.sql("""
                        select count(*) as backlog,
                               coalesce(extract(epoch from now() - min(occurred_at)), 0)::bigint as oldest
                        from kit_outbox where sent_at is null""")
                .map(row -> {
                    backlog.set(row.get("backlog", Long.class));
                    oldestUnsentSeconds.set(row.get("oldest", Long.class));
                    return true;
                })
                .one().then();
        Mono<Void> purge = db.sql("delete from kit_outbox where sent_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) properties.retention().toSeconds())
                .fetch().rowsUpdated().then();
        return gauges.then(purge);
    }

    private Mono<Integer> relayAndPause() {
        Sinks.One<Boolean> wakeUp = Sinks.one();
        nextWakeUp = wakeUp;
        return relayOnce()
                .doOnNext(sent -> {
                    if (failing) {
                        log.info("outbox relay publishing again");
                        failing = false;
                    }
                })
                .onErrorResume(e -> {
                    failures.increment();
                    if (!failing) {
                        log.warn("outbox relay cannot publish, rows wait in the outbox: {}", e.toString());
                        failing = true;
                    }
                    return Mono.just(-1);
                })
                .flatMap(sent -> sent >= properties.batchSize() ? Mono.just(sent)
                        : sent < 0 ? Mono.delay(properties.retryInterval()).thenReturn(sent)
                        : Mono.firstWithSignal(Mono.delay(properties.pollInterval()), wakeUp.asMono()).thenReturn(sent));
    }

    /** Starts the next round now (or right after the one under way): rows were committed. */
    void wakeUp() {
        nextWakeUp.tryEmitValue(Boolean.TRUE);
    }

    @Override
    public void start() {
        // publishing paces itself (a full batch goes on at once, a failure waits retryInterval);
        // the gauges and the purge are a plain periodic task
        relaying = Mono.defer(this::relayAndPause).repeat().subscribe();
        wakeUps.start(this::wakeUp);
        housekeeping.start();
    }

    @Override
    public void stop() {
        Disposable current = relaying;
        if (current != null) {
            current.dispose();
        }
        relaying = null;
        wakeUps.stop();
        housekeeping.stop();
    }

    @Override
    public boolean isRunning() {
        return relaying != null;
    }

    /** Stops after the web server has drained, so events of the last requests still get a chance to leave. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private record OutboxRow(long id, String topic, CloudEvent event) {
    }
}
