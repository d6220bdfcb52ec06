package org.gridgov.grid.importing.persistence;

import static org.gridgov.kit.data.Sql.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.grid.importing.domain.ImportProblem;
import org.gridgov.grid.importing.domain.ImportReport;
import org.gridgov.grid.importing.domain.ImportStatus;
import org.gridgov.grid.importing.domain.SectionCounts;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports in {@code grid_import}. Status and progress are written in transactions of their own,
 * so that they are visible while the import itself is still uncommitted.
 */
@Repository
public class ImportJobStore {

    /** An import not heard of for this long was lost with its replica; its transaction rolled back, so it can run again. */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private static final TypeReference<Map<String, SectionCounts>> SUMMARY = new TypeReference<>() {
    };
    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final TransactionalOperator ownTransaction;
    private final JsonMapper json;
    private final Clock clock;

    public ImportJobStore(DatabaseClient db, ReactiveTransactionManager transactions, JsonMapper json, Clock clock) {
        this.db = db;
        this.ownTransaction = TransactionalOperator.create(transactions,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        this.json = json;
        this.clock = clock;
    }

    /** What a runner needs to carry out a claimed import. */
    public record Claimed(UUID id, String document, Optional<UUID> jurisdiction, Optional<String> correlationId) {
    }

    public Mono<Void> queue(UUID id, String requestedBy, Optional<UUID> jurisdiction, Optional<UUID> communityId,
                            String document, int rows, Optional<String> correlationId) {
        OffsetDateTime now = utc(clock.instant());
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into grid_import (id, requested_by, jurisdiction, community_id, status, document, rows_total,
                                                 correlation_id, created_at, updated_at)
                        values (:id, :requestedBy, :jurisdiction, :community, 'QUEUED', :document, :rows, :correlationId, :now, :now)""")
                .bind("id", id).bind("requestedBy", requestedBy).bind("document", document).bind("rows", rows)
                .bind("now", now);
        insert = bindOptional(insert, "jurisdiction", jurisdiction, UUID.class);
        insert = bindOptional(insert, "community", communityId, UUID.class);
        insert = bindOptional(insert, "correlationId", correlationId, String.class);
        return insert.fetch().rowsUpdated().then();
    }

    /** Takes a queued (or lost) import for this replica; empty when another has it or it is finished. */
    public Mono<Claimed> claim(UUID id) {
        return ownTransaction.transactional(db.sql("""
                        update grid_import set status = 'VALIDATING', rows_done = 0, updated_at = :now
                         where id = :id
                           and (status = 'QUEUED' or (status in ('VALIDATING', 'APPLYING') and updated_at < :staleBefore))
                        returning id, document, jurisdiction, correlation_id""")
                .bind("id", id)
                .bind("now", utc(clock.instant()))
                .bind("staleBefore", utc(clock.instant().minus(STALE_AFTER)))
                .map(row -> new Claimed(row.get("id", UUID.class), row.get("document", String.class),
                        Optional.ofNullable(row.get("jurisdiction", UUID.class)),
                        Optional.ofNullable(row.get("correlation_id", String.class))))
                .one());
    }

    /** Imports waiting for a runner: queued ones, and those a lost replica left behind. */
    public Flux<UUID> claimable() {
        return db.sql("""
                        select id from grid_import
                         where status = 'QUEUED' or (status in ('VALIDATING', 'APPLYING') and updated_at < :staleBefore)
                         order by created_at""")
                .bind("staleBefore", utc(clock.instant().minus(STALE_AFTER)))
                .map(row -> row.get("id", UUID.class)).all();
    }

    public Mono<Void> progress(UUID id, ImportStatus status, int done, int total) {
        return ownTransaction.transactional(db.sql("""
                        update grid_import set status = :status, rows_done = :done, rows_total = :total, updated_at = :now
                         where id = :id""")
                .bind("id", id).bind("status", status.name()).bind("done", done).bind("total", total)
                .bind("now", utc(clock.instant()))
                .fetch().rowsUpdated().then());
    }

    /**
     * Records the outcome and forgets the document, which holds residents' addresses. Runs in the
     * caller's transaction, so an applied import is reported APPLIED only if it commits.
     */
    public Mono<Void> finish(UUID id, ImportStatus status, Optional<UUID> communityId, Map<String, SectionCounts> summary,
                             List<ImportProblem> problems, int problemCount) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        update grid_import
                           set status = :status, community_id = coalesce(:community, community_id), document = null,
                               rows_done = rows_total, summary = cast(:summary as jsonb), problems = cast(:problems as jsonb),
                               problem_count = :problemCount, updated_at = :now, finished_at = :now
                         where id = :id""")
                .bind("id", id).bind("status", status.name())
                .bind("summary", json.writeValueAsString(summary))
                .bind("problems", json.writeValueAsString(problems))
                .bind("problemCount", problemCount)
                .bind("now", utc(clock.instant()));
        return bindOptional(update, "community", communityId, UUID.class).fetch().rowsUpdated().then();
    }

    /** {@link #finish} in a transaction of its own, for an import whose own transaction failed. */
    public Mono<Void> finishAlone(UUID id, ImportStatus status, List<ImportProblem> problems) {
        return ownTransaction.transactional(finish(id, status, Optional.empty(), Map.of(), problems, problems.size()));
    }

    public Mono<ImportReport> find(UUID id) {
        return db.sql("""
                        select id, status, requested_by, community_id, rows_done, rows_total, summary::text as summary,
                               problems::text as problems, problem_count, created_at, finished_at
                          from grid_import where id = :id""")
                .bind("id", id)
                .map(this::report).one();
    }

    private ImportReport report(Readable row) {
        String summary = row.get("summary", String.class);
        String problems = row.get("problems", String.class);
        return new ImportReport(row.get("id", UUID.class), ImportStatus.valueOf(row.get("status", String.class)),
                row.get("requested_by", String.class), Optional.ofNullable(row.get("community_id", UUID.class)),
                row.get("rows_done", Integer.class), row.get("rows_total", Integer.class),
                summary == null ? Map.of() : json.readValue(summary, SUMMARY),
                problems == null ? List.of() : json.readValue(problems, PROBLEMS),
                row.get("problem_count", Integer.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("finished_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindOptional(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                     Optional<T> value, Class<T> type) {
        return value.isPresent() ? spec.bind(name, value.get()) : spec.bindNull(name, type);
    }
}
