package org.gridgov.fieldwork.cases.messaging;

import java.time.Duration;
import java.time.Instant;

import org.gridgov.contracts.events.CaseAlerted;
import org.gridgov.contracts.events.CaseReported;
import org.gridgov.contracts.events.CaseStatusChanged;
import org.gridgov.fieldwork.cases.domain.CaseStatus;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Sla;
import org.gridgov.kit.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A case's events, appended to the outbox in the command's transaction: ids and figures, never its description or photos. */
@Component
public record CaseEvents(Outbox outbox) {

    public Mono<Void> reported(FieldCase c) {
        FieldCase.Report r = c.report();
        Mono<Void> reported = outbox.append(new CaseReported(c.id(), r.communityId(), r.microGridId(), r.category(),
                severity(c), r.householdsAffected(), r.shopsAffected(), CaseReported.Source.valueOf(r.source().name()),
                r.patrolId(), c.progress().reportedAt())).then();
        if (r.severity() != org.gridgov.fieldwork.cases.domain.Severity.EMERGENCY) {
            return reported;
        }
        // an emergency reaches the community's admins at once, whatever happens to it next
        return reported.then(outbox.append(new CaseAlerted(c.id(), r.communityId(), r.streetId(), null,
                CaseAlerted.Level.EMERGENCY, CaseAlerted.Recipient.COMMUNITY, null, severity(c), 0,
                c.progress().reportedAt()))).then();
    }

    public Mono<Void> changed(FieldCase c, CaseStatus previous, Boolean onTime) {
        FieldCase.Progress p = c.progress();
        return outbox.append(new CaseStatusChanged(c.id(), c.report().communityId(),
                CaseStatusChanged.Status.valueOf(p.status().name()), CaseStatusChanged.Status.valueOf(previous.name()),
                p.departmentId(), p.reworkCount(), onTime, p.updatedAt())).then();
    }

    /** The department reminded of the step it is late with, or the street told. */
    public Mono<Void> late(FieldCase c, Sla.Alert alert, Instant now) {
        boolean reminder = alert == Sla.Alert.REMINDER;
        return outbox.append(new CaseAlerted(c.id(), c.report().communityId(), c.report().streetId(),
                c.progress().departmentId(),
                reminder ? CaseAlerted.Level.REMINDER : CaseAlerted.Level.ESCALATION,
                reminder ? CaseAlerted.Recipient.DEPARTMENT : CaseAlerted.Recipient.STREET,
                c.status() == CaseStatus.REFERRED ? CaseAlerted.Stage.ACKNOWLEDGEMENT : CaseAlerted.Stage.HANDLING,
                severity(c), (int) Math.max(0, Duration.between(c.progress().dueAt(), now).toMinutes()), now)).then();
    }

    private static CaseReported.Severity severity(FieldCase c) {
        return CaseReported.Severity.valueOf(c.report().severity().name());
    }
}
