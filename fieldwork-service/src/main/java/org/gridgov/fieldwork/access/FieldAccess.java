package org.gridgov.fieldwork.access;

import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.jurisdiction.GridNode;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where field work happens and who may act there, asked by this service itself whatever the gateway
 * checked: grid staff and admins act within their jurisdiction; a party member inside their community.
 */
@Component
public record FieldAccess(GridTree gridTree, Jurisdictions jurisdictions, DatabaseClient db) {

    /** A micro-grid (or grid) with the community and street it lies in. */
    public record Place(UUID nodeId, UUID communityId, UUID streetId) {
    }

    /** The place of a micro-grid or grid of the tree; a 400 naming {@code field} for anything else. */
    public Mono<Place> place(UUID nodeId, String field) {
        return gridTree.find(nodeId)
                .filter(node -> !node.retired() && ("MICRO_GRID".equals(node.kind()) || "GRID".equals(node.kind())))
                .switchIfEmpty(Mono.error(() -> Refusal.invalidField(field, "No micro-grid or grid " + nodeId + ".")))
                .flatMap(node -> gridTree.ancestorOfKind(nodeId, "COMMUNITY")
                        .switchIfEmpty(Mono.error(() -> Refusal.invalidField(field, "The node lies in no community.")))
                        .flatMap(community -> gridTree.ancestorOfKind(nodeId, "STREET").map(GridNode::id)
                                .map(street -> new Place(nodeId, community.id(), street))
                                .defaultIfEmpty(new Place(nodeId, community.id(), null))));
    }

    /** The grid a micro-grid (or grid) lies in. */
    public Mono<UUID> gridOf(UUID nodeId) {
        return gridTree.find(nodeId).flatMap(node -> "GRID".equals(node.kind()) ? Mono.just(node.id())
                : gridTree.ancestorOfKind(nodeId, "GRID").map(GridNode::id));
    }

    /** Whether the node is {@code ancestor} or lies below it. */
    public Mono<Boolean> isWithin(UUID nodeId, UUID ancestor) {
        return gridTree.find(nodeId).map(node -> node.isWithin(ancestor)).defaultIfEmpty(false);
    }

    /** Grid staff or an admin whose jurisdiction covers the node. */
    public Mono<Boolean> isStaffOver(Caller caller, UUID nodeId) {
        return caller.has(Role.GRID_STAFF) || caller.isAdmin() ? jurisdictions.covers(caller, nodeId) : Mono.just(false);
    }

    public Mono<Boolean> covers(Caller caller, UUID nodeId) {
        return jurisdictions.covers(caller, nodeId);
    }

    /**
     * Whether a party member lives in the community: as member-service registered them (member.events), or by
     * the place their token names.
     */
    public Mono<Boolean> livesIn(Caller caller, UUID communityId) {
        Mono<Boolean> registered = caller.memberId().map(member -> db.sql(
                        "select exists (select 1 from member_place where member_id = :member and community_id = :community)")
                .bind("member", member).bind("community", communityId)
                .map(row -> row.get(0, Boolean.class)).one()).orElse(Mono.just(false));
        Mono<Boolean> placed = caller.jurisdictionId().map(node -> gridTree.find(node)
                .map(found -> found.isWithin(communityId)).defaultIfEmpty(false)).orElse(Mono.just(false));
        return registered.flatMap(inside -> inside ? Mono.just(true) : placed);
    }
}
