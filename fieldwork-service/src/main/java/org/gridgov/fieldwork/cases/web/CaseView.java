package org.gridgov.fieldwork.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.cases.domain.CaseSource;
import org.gridgov.fieldwork.cases.domain.CaseStatus;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Severity;

/**
 * A case as its readers see it; who reported it only as the kind of source; the patrol, or the visit and the position
 * of its finding ({@code visitFinding}, from 0), it came from.
 */
public record CaseView(UUID id, CaseStatus status, UUID communityId, UUID streetId, UUID microGridId, Category category,
                       String description, int householdsAffected, int shopsAffected, Severity severity,
                       List<String> photoUrls, CaseSource source, UUID patrolId, UUID visitId, Integer visitFinding,
                       UUID departmentId,
                       String declineReason, String handlingNote, int reworkCount, Instant reportedAt,
                       Instant referredAt, Instant acknowledgedAt, Instant handledAt, Instant closedAt, Instant dueAt,
                       Instant remindedAt, Instant escalatedAt, Boolean acknowledgedOnTime, Boolean handledOnTime) {

    public static CaseView of(FieldCase c) {
        FieldCase.Report r = c.report();
        FieldCase.Progress p = c.progress();
        return new CaseView(c.id(), p.status(), r.communityId(), r.streetId(), r.microGridId(), r.category(),
                r.description(), r.householdsAffected(), r.shopsAffected(), r.severity(), r.photoUrls(), r.source(),
                r.patrolId(), r.fromVisit() == null ? null : r.fromVisit().visitId(),
                r.fromVisit() == null ? null : r.fromVisit().finding(), p.departmentId(), p.declineReason(), p.handlingNote(), p.reworkCount(), p.reportedAt(),
                p.referredAt(), p.acknowledgedAt(), p.handledAt(), p.closedAt(), p.dueAt(), p.remindedAt(),
                p.escalatedAt(), p.acknowledgedOnTime(), p.handledOnTime());
    }
}
