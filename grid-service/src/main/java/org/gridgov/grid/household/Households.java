package org.gridgov.grid.household;

import java.util.Optional;
import java.util.UUID;

import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.household.persistence.HouseholdStore;
import org.gridgov.grid.tree.GridAccess;
import org.gridgov.grid.tree.TreeQueries;
import org.gridgov.kit.security.Caller;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** Households are personal data: grid staff and admins see them, inside their jurisdiction only. */
@Service
public record Households(HouseholdStore store, TreeQueries tree, GridAccess access) {

    /** The households of a node in address order (those it links, for a hub household), after {@code cursor}. */
    public Flux<Household> inside(Caller caller, UUID nodeId, Optional<UUID> cursor, int rows) {
        return access.requireStaffOrAdmin(caller)
                .then(tree.node(nodeId))
                .flatMapMany(node -> access.requireWithin(caller, nodeId).thenMany(store.inside(node, cursor, rows)));
    }
}
