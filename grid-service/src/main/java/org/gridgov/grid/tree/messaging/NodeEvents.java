package org.gridgov.grid.tree.messaging;

import java.time.Instant;

import org.gridgov.contracts.events.GridNodeCreated;
import org.gridgov.contracts.events.GridNodeRetired;
import org.gridgov.contracts.events.GridNodeUpdated;
import org.gridgov.grid.tree.domain.TreeNode;

/**
 * The node events on {@code grid.events}. They carry the party member of a hub household, for
 * member-service's read model.
 */
public final class NodeEvents {

    private NodeEvents() {
    }

    public static GridNodeCreated nodeCreated(TreeNode node, Instant at) {
        return new GridNodeCreated(node.id(), node.kind().name(), node.name(), node.parentId(), node.path(),
                gridKind(node), node.memberId(), at);
    }

    public static GridNodeUpdated nodeUpdated(TreeNode node, Instant at) {
        return new GridNodeUpdated(node.id(), node.kind().name(), node.name(), node.parentId(), node.path(),
                gridKind(node), node.memberId(), at);
    }

    public static GridNodeRetired nodeRetired(TreeNode node, Instant at) {
        return new GridNodeRetired(node.id(), node.kind().name(), node.name(), node.parentId(), node.path(),
                gridKind(node), node.memberId(), at);
    }

    private static String gridKind(TreeNode node) {
        return node.gridKind() == null ? null : node.gridKind().name();
    }
}
