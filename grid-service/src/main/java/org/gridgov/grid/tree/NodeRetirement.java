package org.gridgov.grid.tree;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.Event;
import org.gridgov.grid.staff.messaging.StaffEvents;
import org.gridgov.grid.staff.persistence.StaffAssignmentStore;
import org.gridgov.grid.tree.domain.NodeCounts;
import org.gridgov.grid.tree.domain.TreeNode;
import org.gridgov.grid.tree.messaging.NodeEvents;
import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes an empty node out of use. Its id is never reused and its code stays taken, so that
 * nothing that refers to it can come to mean another place. Call it inside a transaction.
 */
@Service
public class NodeRetirement {

    private final GridNodeStore nodes;
    private final StaffAssignmentStore staff;
    private final GridAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public NodeRetirement(GridNodeStore nodes, StaffAssignmentStore staff, GridAccess access, Outbox outbox, Clock clock) {
        this.nodes = nodes;
        this.staff = staff;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<TreeNode> retire(UUID id, Caller caller) {
        return access.requireAdmin(caller)
                .then(nodes.find(id))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("grid node", id)))
                .flatMap(node -> access.requireWithin(caller, id).thenReturn(node))
                .flatMap(node -> node.retired() ? Mono.just(node) : retireLive(node));
    }

    private Mono<TreeNode> retireLive(TreeNode node) {
        Instant now = clock.instant();
        TreeNode retired = node.retire();
        return nodes.children(node.id()).hasElements()
                .zipWith(nodes.counts(List.of(node.id())).map(counts -> counts.getOrDefault(node.id(), NodeCounts.NONE)))
                .flatMap(found -> {
                    if (found.getT1() || found.getT2().households() > 0) {
                        return Mono.error(ProblemException.conflict(
                                "Only an empty node can be retired: move or retire its children and households first."));
                    }
                    return staff.currentAt(node.id()).collectList();
                })
                .flatMap(holders -> staff.endAll(holders, now)
                        .thenMany(Flux.fromIterable(holders).<Event>map(holder -> StaffEvents.staffUnassigned(holder, now)))
                        .concatWithValues(NodeEvents.nodeRetired(retired, now))
                        .concatMap(outbox::append)
                        .then(nodes.update(retired, now)))
                .thenReturn(retired);
    }
}
