package org.gridgov.member.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.jurisdiction.GridNode;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks the grid-tree places a request names against this service's copy of the tree: a
 * community must be a community, a grid must lie in its community.
 */
@Component
public record GridPlaces(GridTree tree) {

    public Mono<GridNode> community(UUID id) {
        return tree.find(id)
                .filter(node -> node.kind().equals("COMMUNITY") && !node.retired())
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("Community " + id + " is not known.")));
    }

    /** A grid (or micro-grid) of the community. */
    public Mono<GridNode> gridIn(UUID gridId, UUID communityId) {
        return tree.find(gridId)
                .filter(node -> (node.kind().equals("GRID") || node.kind().equals("MICRO_GRID")) && !node.retired()
                        && node.isWithin(communityId))
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid(
                        "Grid " + gridId + " is not a grid of community " + communityId + ".")));
    }

    public Mono<Boolean> isWithin(UUID nodeId, UUID ancestorId) {
        return tree.find(nodeId).map(node -> node.isWithin(ancestorId)).defaultIfEmpty(false);
    }

    /** The node followed by its ancestors, nearest first; empty when the node is unknown. */
    public Mono<List<UUID>> selfAndAncestors(UUID nodeId) {
        return tree.find(nodeId).map(node -> {
            List<UUID> ids = new ArrayList<>(node.path());
            ids.add(node.id());
            Collections.reverse(ids);
            return ids;
        }).defaultIfEmpty(List.of());
    }

    public Mono<GridNode> find(UUID id) {
        return tree.find(id);
    }
}
