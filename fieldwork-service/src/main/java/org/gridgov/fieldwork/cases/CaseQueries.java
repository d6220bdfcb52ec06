package org.gridgov.fieldwork.cases;

import java.util.List;
import java.util.UUID;

import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.cases.domain.CaseStatus;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.persistence.CaseStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** Lists of cases: below a node for its staff and admins, or a department's own. */
@Service
public record CaseQueries(CaseStore cases, FieldAccess access) {

    /** The cases a visit's findings became, by the finding's position (the caller may see the visit). */
    public Flux<FieldCase> fromVisit(UUID visitId) {
        return cases.fromVisit(visitId);
    }

    public Flux<FieldCase> list(UUID node, List<CaseStatus> statuses, int limit, Caller caller) {
        if (node == null) {
            if (caller.has(Role.DEPARTMENT) && caller.departmentId().isPresent()) {
                return cases.ofDepartment(caller.departmentId().get(), statuses, limit);
            }
            return Flux.error(Refusal.invalidField("node", "Name the grid-tree node whose cases to list."));
        }
        return access.isStaffOver(caller, node).flatMapMany(over -> over ? cases.under(node, statuses, limit)
                : Flux.error(Refusal.forbidden("This node is outside your jurisdiction.")));
    }
}
