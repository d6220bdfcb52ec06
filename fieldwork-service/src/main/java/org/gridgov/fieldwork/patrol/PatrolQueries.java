package org.gridgov.fieldwork.patrol;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.patrol.domain.Patrol;
import org.gridgov.fieldwork.patrol.persistence.PatrolStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.security.Caller;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** Lists of patrols, for the staff and admins over a node. */
@Service
public record PatrolQueries(PatrolStore patrols, FieldAccess access) {

    public Flux<Patrol> under(UUID node, Instant from, Instant to, String staff, int limit, Caller caller) {
        if (!to.isAfter(from)) {
            return Flux.error(Refusal.invalidField("to", "The period ends after it starts."));
        }
        return access.isStaffOver(caller, node).flatMapMany(over -> over ? patrols.under(node, from, to, staff, limit)
                : Flux.error(Refusal.forbidden("This node is outside your jurisdiction.")));
    }
}
