package org.gridgov.fieldwork.visit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.cases.CaseQueries;
import org.gridgov.fieldwork.cases.CaseService;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Severity;
import org.gridgov.fieldwork.visit.domain.FindingCase;
import org.gridgov.fieldwork.visit.persistence.VisitStore;
import org.gridgov.kit.security.Caller;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A visit's finding becomes a case (案卷) in one command, in the caller's transaction: reported in the household's
 * micro-grid as {@code POST /api/cases} reports one (the same rules of who reports where, the same events), the case
 * naming the visit and the finding, once per finding (the visit is locked while it is checked). The visitor and the
 * staff and admins over the household's micro-grid raise it; anyone else gets 404.
 */
@Service
public record FindingCases(FindingNeeds needs, VisitStore visits, CaseService cases, CaseQueries caseQueries) {

    /** What the reporter says of the case; without a description, the finding as it was written. */
    public record Request(Category category, Severity severity, String description, int householdsAffected,
                          int shopsAffected, List<String> photoUrls) {
    }

    public Mono<FieldCase> raise(UUID visitId, int finding, Request request, Caller caller) {
        return needs.visible(visitId, caller).then(visits.findForUpdate(visitId))
                .flatMap(visit -> casesOf(visitId).map(linked -> FindingCase.of(visit, finding, request.description(),
                                linked.get(finding)))
                        .flatMap(made -> cases.reportFromVisit(new CaseService.NewCase(visit.microGridId(), request.category(),
                                made.description(), request.householdsAffected(), request.shopsAffected(),
                                request.severity(), request.photoUrls()), caller,
                                new FieldCase.VisitFinding(made.visitId(), made.finding()))));
    }

    /** The cases the visit's findings became: finding position → case id. */
    public Mono<Map<Integer, UUID>> casesOf(UUID visitId) {
        return caseQueries.fromVisit(visitId).collectMap(c -> c.report().fromVisit().finding(), FieldCase::id);
    }
}
