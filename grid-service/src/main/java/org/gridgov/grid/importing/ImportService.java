package org.gridgov.grid.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportPlanner;
import org.gridgov.grid.importing.domain.ImportReport;
import org.gridgov.grid.importing.persistence.ImportJobStore;
import org.gridgov.grid.importing.persistence.ImportSnapshotStore;
import org.gridgov.grid.tree.GridAccess;
import org.gridgov.grid.tree.domain.TreeNode;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.CorrelationId;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Accepts import documents from admins and shows their reports to those allowed to see them. */
@Service
public record ImportService(ImportJobStore jobs, ImportSnapshotStore snapshots, ImportPlanner planner,
                            GridAccess access) {

    /**
     * Queues an admin's document for the runner. Refused at once, before any queueing: a document
     * without its district, street and community names, an import outside the caller's
     * jurisdiction. Everything else is checked by the runner and reported on the import.
     */
    public Mono<ImportReport> submit(ImportDocument document, String text, Caller caller) {
        List<Map<String, String>> missing = missingAreaNames(document);
        if (!missing.isEmpty()) {
            return Mono.error(ProblemException.invalid("An import names its district, street and community.")
                    .with("errors", missing));
        }
        Optional<UUID> jurisdiction = caller.jurisdictionId();
        UUID id = UUID.randomUUID();
        return snapshots.areas(document)
                .flatMap(areas -> {
                    if (!planner.allows(document, areas, jurisdiction)) {
                        return Mono.error(ProblemException.forbidden(
                                "An import may only create or change nodes inside your jurisdiction."));
                    }
                    return CorrelationId.current().flatMap(correlationId -> jobs.queue(id, caller.subject(), jurisdiction,
                            areas.community().map(TreeNode::id), text, document.rowCount(), correlationId));
                })
                .then(Mono.defer(() -> jobs.find(id)));
    }

    /** The requester sees their import; so does an admin whose jurisdiction covers its community. Others get 404. */
    public Mono<ImportReport> find(UUID id, Caller caller) {
        return jobs.find(id)
                .filterWhen(report -> report.requestedBy().equals(caller.subject()) ? Mono.just(true)
                        : report.communityId().filter(community -> caller.isAdmin())
                                .map(community -> access.covers(caller, community)).orElse(Mono.just(false)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("import", id)));
    }

    private static List<Map<String, String>> missingAreaNames(ImportDocument document) {
        List<Map<String, String>> missing = new ArrayList<>();
        Map<String, Area> areas = Map.of("district", orEmpty(document.district()), "street", orEmpty(document.street()),
                "community", orEmpty(document.community()));
        for (String area : List.of("district", "street", "community")) {
            String name = areas.get(area).name();
            if (name == null || name.isBlank()) {
                missing.add(Map.of("field", area + ".name", "message", "is required"));
            }
        }
        return missing;
    }

    private static Area orEmpty(Area area) {
        return area == null ? new Area(null, null) : area;
    }
}
