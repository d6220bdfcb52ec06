package org.gridgov.grid.importing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportOutcome;
import org.gridgov.grid.importing.domain.ImportPlan;
import org.gridgov.grid.importing.domain.ImportPlanner;
import org.gridgov.grid.importing.domain.ImportProblem;
import org.gridgov.grid.importing.domain.ImportStatus;
import org.gridgov.grid.importing.persistence.ImportJobStore;
import org.gridgov.grid.importing.persistence.ImportSnapshotStore;
import org.gridgov.grid.importing.persistence.ImportPlanStore;
import org.gridgov.kit.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Carries out queued imports in the background: checks the document against what exists, then
 * writes all of it and its events in one transaction, or nothing and a report of why not.
 */
@Component
public record ImportRunner(ImportJobStore jobs, ImportSnapshotStore snapshots, ImportPlanStore writer,
                           ImportPlanner planner, ImportDocumentReader reader, TransactionalOperator tx) {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** Picks up what a stopped replica left queued or half done (nothing of it was committed). */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        jobs.claimable().concatMap(this::run).subscribe();
    }

    /** Starts the import unless another runner has it; the caller does not wait for it. */
    public void start(UUID id) {
        run(id).subscribe();
    }

    Mono<Void> run(UUID id) {
        return jobs.claim(id).flatMap(claimed -> {
            Context context = claimed.correlationId().map(cid -> Context.of(CorrelationId.KEY, cid)).orElse(Context.empty());
            return tx.transactional(writer.lock().then(Mono.defer(() -> carryOut(claimed))))
                    .onErrorResume(e -> failed(claimed.id(), e))
                    .contextWrite(context);
        }).onErrorResume(e -> {
            log.error("import {} could not be started", id, e);
            return Mono.empty();
        });
    }

    private Mono<Void> carryOut(ImportJobStore.Claimed claimed) {
        ImportDocument document = reader.read(claimed.document());
        return jobs.progress(claimed.id(), ImportStatus.VALIDATING, 0, document.rowCount())
                .then(snapshots.full(document))
                .flatMap(snapshot -> {
                    ImportOutcome outcome = planner.plan(document, snapshot, claimed.jurisdiction());
                    if (outcome.rejected()) {
                        log.info("import {} rejected with {} problems", claimed.id(), outcome.problemCount());
                        return jobs.finish(claimed.id(), ImportStatus.REJECTED, Optional.empty(), Map.of(),
                                outcome.problems(), outcome.problemCount());
                    }
                    ImportPlan plan = outcome.plan();
                    long started = System.nanoTime();
                    return jobs.progress(claimed.id(), ImportStatus.APPLYING, 0, plan.writes())
                            .then(writer.apply(plan, done -> jobs.progress(claimed.id(), ImportStatus.APPLYING, done,
                                    plan.writes())))
                            .then(jobs.finish(claimed.id(), ImportStatus.APPLIED, Optional.of(plan.communityId()),
                                    plan.summary(), List.of(), 0))
                            .doOnSuccess(done -> log.info("import {} applied: {} rows written in {} ms", claimed.id(),
                                    plan.writes(), (System.nanoTime() - started) / 1_000_000));
                });
    }

    private Mono<Void> failed(UUID id, Throwable e) {
        log.error("import {} failed; nothing of it was applied", id, e);
        return jobs.finishAlone(id, ImportStatus.FAILED, List.of(new ImportProblem("document", null, null,
                "could not be applied because of an error on our side; nothing was changed. Try again later.")));
    }
}
