package org.gridgov.fieldwork.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;

/**
 * A case (案卷): a problem found in the field, reported in a micro-grid, filed or declined by the community,
 * solved by the community itself (FILED → HANDLED) or referred to a functional department (吹哨) which
 * acknowledges it (报到) and reports it handled; whoever verifies it on site closes it or sends it back as
 * rework (to the department: ACKNOWLEDGED; to the community's own staff: FILED). Each step's rule lives here;
 * who may take it is checked by the service.
 */
public record FieldCase(UUID id, Report report, Progress progress) {

    public static final int MAX_PHOTOS = 9;

    /** The visit, and the position of its finding (from 0), a case was made of. */
    public record VisitFinding(UUID visitId, int finding) {

        public VisitFinding {
            if (visitId == null || finding < 0) {
                throw new IllegalArgumentException("A visit's finding is a visit and a position from 0.");
            }
        }
    }

    /**
     * Where the case is and what it is about, fixed when it is reported; a patrol's finding names the patrol, a
     * visit's finding the visit and the finding ({@code fromVisit}, else null).
     */
    public record Report(UUID communityId, UUID streetId, UUID microGridId, Category category, String description,
                         int householdsAffected, int shopsAffected, Severity severity, List<String> photoUrls,
                         CaseSource source, UUID patrolId, VisitFinding fromVisit, String reportedBy) {

        public Report {
            if (description == null || description.isBlank()) {
                throw Refusal.invalidField("description", "Say what the problem is.");
            }
            if (householdsAffected < 0) {
                throw Refusal.invalidField("householdsAffected", "Cannot be negative.");
            }
            if (shopsAffected < 0) {
                throw Refusal.invalidField("shopsAffected", "Cannot be negative.");
            }
            photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
            if (photoUrls.size() > MAX_PHOTOS) {
                throw Refusal.invalidField("photoUrls", "At most " + MAX_PHOTOS + " photos.");
            }
            description = description.strip();
        }
    }

    /** What happened to the case since it was reported. */
    public record Progress(CaseStatus status, UUID departmentId, String declineReason, String handlingNote,
                           int reworkCount, Instant reportedAt, Instant referredAt, Instant acknowledgedAt,
                           Instant firstHandledAt, Instant handledAt, Instant closedAt, Instant dueAt,
                           Instant remindedAt, Instant escalatedAt, Boolean acknowledgedOnTime, Boolean handledOnTime,
                           Instant updatedAt) {

        Progress next(CaseStatus to, Instant at) {
            return new Progress(to, departmentId, declineReason, handlingNote, reworkCount, reportedAt, referredAt,
                    acknowledgedAt, firstHandledAt, handledAt, closedAt, dueAt, remindedAt, escalatedAt,
                    acknowledgedOnTime, handledOnTime, at);
        }
    }

    public static FieldCase report(UUID id, Report report, Instant at) {
        return new FieldCase(id, report, new Progress(CaseStatus.REPORTED, null, null, null, 0, at, null, null, null,
                null, null, null, null, null, null, null, at));
    }

    public UUID id() {
        return id;
    }

    public Report report() {
        return report;
    }

    public Progress progress() {
        return progress;
    }

    public CaseStatus status() {
        return progress.status();
    }

    /** 立案: the community takes the case on. */
    public FieldCase file(Instant at) {
        expect(CaseStatus.REPORTED, "filed");
        return with(progress.next(CaseStatus.FILED, at));
    }

    public FieldCase decline(String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalidField("reason", "Say why the case is declined.");
        }
        expect(CaseStatus.REPORTED, "declined");
        Progress p = progress.next(CaseStatus.DECLINED, at);
        return with(new Progress(p.status(), p.departmentId(), reason.strip(), p.handlingNote(), p.reworkCount(),
                p.reportedAt(), p.referredAt(), p.acknowledgedAt(), p.firstHandledAt(), p.handledAt(), at, null, null,
                null, p.acknowledgedOnTime(), p.handledOnTime(), at));
    }

    /** 吹哨: the community refers the filed case to a department, which has {@code acknowledgeWithin} to report in. */
    public FieldCase refer(UUID departmentId, Duration acknowledgeWithin, Instant at) {
        expect(CaseStatus.FILED, "referred");
        Progress p = progress;
        return with(new Progress(CaseStatus.REFERRED, departmentId, p.declineReason(), p.handlingNote(),
                p.reworkCount(), p.reportedAt(), at, null, null, null, null, at.plus(acknowledgeWithin), null, null,
                null, null, at));
    }

    /** 报到: the department the case is referred to takes it on; on time when within its SLA. */
    public FieldCase acknowledge(UUID departmentId, Duration handleWithin, Instant at) {
        requireDepartment(departmentId);
        expect(CaseStatus.REFERRED, "acknowledged");
        Progress p = progress;
        return with(new Progress(CaseStatus.ACKNOWLEDGED, p.departmentId(), p.declineReason(), p.handlingNote(),
                p.reworkCount(), p.reportedAt(), p.referredAt(), at, p.firstHandledAt(), p.handledAt(), null,
                at.plus(handleWithin), null, null, !at.isAfter(p.dueAt()), p.handledOnTime(), at));
    }

    /**
     * The department reports the referred case handled ({@code departmentId}), or, for a case the community
     * solves itself, its own staff do ({@code departmentId} null, the case FILED).
     */
    public FieldCase reportHandled(UUID departmentId, String note, Instant at) {
        if (note == null || note.isBlank()) {
            throw Refusal.invalidField("note", "Say what was done.");
        }
        Progress p = progress;
        Boolean onTime = p.handledOnTime();
        if (departmentId != null) {
            requireDepartment(departmentId);
            expect(CaseStatus.ACKNOWLEDGED, "reported handled by the department");
            boolean thisTime = !at.isAfter(p.dueAt());
            onTime = (onTime == null || onTime) && thisTime;
        } else if (p.departmentId() != null) {
            throw Refusal.conflict("The case is referred to a department; the department reports it handled.");
        } else {
            expect(CaseStatus.FILED, "reported handled by the community");
        }
        return with(new Progress(CaseStatus.HANDLED, p.departmentId(), p.declineReason(), note.strip(),
                p.reworkCount(), p.reportedAt(), p.referredAt(), p.acknowledgedAt(),
                p.firstHandledAt() == null ? at : p.firstHandledAt(), at, null, null, null, null,
                p.acknowledgedOnTime(), onTime, at));
    }

    /**
     * 核查: on site, the handling is found done (CLOSED) or not: back to the department as rework with a new
     * handling SLA ({@code reworkWithin}), or to the community's own staff.
     */
    public FieldCase verify(boolean passed, Duration reworkWithin, Instant at) {
        expect(CaseStatus.HANDLED, "verified");
        Progress p = progress;
        if (passed) {
            return with(new Progress(CaseStatus.CLOSED, p.departmentId(), p.declineReason(), p.handlingNote(),
                    p.reworkCount(), p.reportedAt(), p.referredAt(), p.acknowledgedAt(), p.firstHandledAt(),
                    p.handledAt(), at, null, null, null, p.acknowledgedOnTime(), p.handledOnTime(), at));
        }
        boolean referred = p.departmentId() != null;
        return with(new Progress(referred ? CaseStatus.ACKNOWLEDGED : CaseStatus.FILED, p.departmentId(),
                p.declineReason(), p.handlingNote(), p.reworkCount() + 1, p.reportedAt(), p.referredAt(),
                p.acknowledgedAt(), p.firstHandledAt(), p.handledAt(), null, referred ? at.plus(reworkWithin) : null,
                null, null, p.acknowledgedOnTime(), p.handledOnTime(), at));
    }

    /** The mark that the department was reminded, or the street told, about the step it is late with. */
    public FieldCase alerted(Sla.Alert alert, Instant at) {
        Progress p = progress;
        return with(new Progress(p.status(), p.departmentId(), p.declineReason(), p.handlingNote(), p.reworkCount(),
                p.reportedAt(), p.referredAt(), p.acknowledgedAt(), p.firstHandledAt(), p.handledAt(), p.closedAt(),
                p.dueAt(), alert == Sla.Alert.REMINDER ? at : p.remindedAt(),
                alert == Sla.Alert.ESCALATION ? at : p.escalatedAt(), p.acknowledgedOnTime(), p.handledOnTime(),
                p.updatedAt()));
    }

    private void requireDepartment(UUID departmentId) {
        if (!departmentId.equals(progress.departmentId())) {
            throw Refusal.notFound("case", id);
        }
    }

    private void expect(CaseStatus wanted, String step) {
        if (progress.status() != wanted) {
            throw Refusal.conflict("A case that is " + progress.status() + " cannot be " + step + "; it must be "
                    + wanted + ".");
        }
    }

    private FieldCase with(Progress next) {
        return new FieldCase(id, report, next);
    }
}
