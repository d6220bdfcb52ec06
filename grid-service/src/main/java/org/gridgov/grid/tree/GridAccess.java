package org.gridgov.grid.tree;

import java.util.UUID;

import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may do what in the grid-service, checked here whatever the gateway checked. This service
 * owns the tree, so jurisdictions are checked against its own table rather than a read model.
 */
@Component
public record GridAccess(GridNodeStore nodes) {

    public static final String RESOLVE_SCOPE = "grid:resolve";

    public Mono<Void> requireAdmin(Caller caller) {
        return caller.isAdmin() ? Mono.empty()
                : Mono.error(ProblemException.forbidden("Only community, street and district admins may do this."));
    }

    /** Grid staff and admins see households and residents' addresses, inside their jurisdiction only. */
    public Mono<Void> requireStaffOrAdmin(Caller caller) {
        return caller.isAdmin() || caller.has(Role.GRID_STAFF) ? Mono.empty()
                : Mono.error(ProblemException.forbidden("Only grid staff and admins may see households."));
    }

    /** Staff, admins, and client apps granted the {@value #RESOLVE_SCOPE} scope place addresses. */
    public Mono<Void> requireResolver(Caller caller) {
        boolean allowed = caller.isAdmin() || caller.has(Role.GRID_STAFF)
                || (caller.has(Role.CLIENT) && caller.hasScope(RESOLVE_SCOPE));
        return allowed ? Mono.empty()
                : Mono.error(ProblemException.forbidden("Resolving addresses is for grid staff, admins and client apps with the "
                        + RESOLVE_SCOPE + " scope."));
    }

    public Mono<Boolean> covers(Caller caller, UUID nodeId) {
        return caller.jurisdictionId().map(jurisdiction -> nodes.isWithin(nodeId, jurisdiction)).orElse(Mono.just(false));
    }

    public Mono<Void> requireWithin(Caller caller, UUID nodeId) {
        return covers(caller, nodeId).flatMap(covered -> covered ? Mono.<Void>empty()
                : Mono.error(ProblemException.forbidden("This is outside your jurisdiction.")));
    }
}
