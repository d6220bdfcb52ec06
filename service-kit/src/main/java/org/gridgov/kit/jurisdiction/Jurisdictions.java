package org.gridgov.kit.jurisdiction;

import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Whether a caller may act on something placed at a grid-tree node: staff and admins act within
 * the subtree of their token's jurisdiction, nowhere else. Each service asks this itself, whatever
 * the gateway already checked.
 */
public class Jurisdictions {

    private final GridTree tree;

    public Jurisdictions(GridTree tree) {
        this.tree = tree;
    }

    public Mono<Boolean> covers(Caller caller, UUID nodeId) {
        Optional<UUID> jurisdiction = caller.jurisdictionId();
        if (jurisdiction.isEmpty() || nodeId == null) {
            return Mono.just(false);
        }
        return tree.find(nodeId).map(node -> node.isWithin(jurisdiction.get())).defaultIfEmpty(false);
    }

    /** An admin whose jurisdiction covers the node. */
    public Mono<Boolean> isAdminOver(Caller caller, UUID nodeId) {
        return caller.isAdmin() ? covers(caller, nodeId) : Mono.just(false);
    }

    /** Fails with 403 problem+json unless the caller's jurisdiction covers the node. */
    public Mono<Void> require(Caller caller, UUID nodeId) {
        return covers(caller, nodeId).flatMap(covered -> covered
                ? Mono.empty()
                : Mono.error(ProblemException.forbidden("This is outside your jurisdiction.")));
    }
}
