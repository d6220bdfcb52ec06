package org.gridgov.grid.tree.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A node of the grid tree. {@code path} holds its ancestors' ids, root first, so "is X inside Y"
 * needs no walk up the tree. {@code code} is its natural key: the name for a district, street or
 * community (unique under its parent), an operator-chosen code for the nodes inside a community
 * (unique per kind within it). {@code parentId}, {@code gridKind} and {@code memberId} are null
 * where they do not apply.
 */
public record TreeNode(UUID id, NodeKind kind, String code, String name, UUID parentId, List<UUID> path,
                       GridKind gridKind, UUID memberId, boolean retired) {

    public static final UUID ROOT_SCOPE = new UUID(0, 0);

    public TreeNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        path = List.copyOf(path);
    }

    /** Its ancestors and itself: the path its children get. */
    public List<UUID> lineage() {
        List<UUID> lineage = new ArrayList<>(path);
        lineage.add(id);
        return lineage;
    }

    public boolean isWithin(UUID ancestorOrSelf) {
        return id.equals(ancestorOrSelf) || path.contains(ancestorOrSelf);
    }

    /** The same node placed under {@code parent}. */
    public TreeNode under(TreeNode parent) {
        return new TreeNode(id, kind, code, name, parent.id(), parent.lineage(), gridKind, memberId, retired);
    }

    /**
     * The scope its {@code code} is unique in: its parent for a district, street or community
     * ({@link #ROOT_SCOPE} for the district), else its community.
     */
    public UUID keyScope() {
        if (kind.isInsideCommunity()) {
            return path.get(NodeKind.COMMUNITY.ordinal());
        }
        return parentId == null ? ROOT_SCOPE : parentId;
    }

    public TreeNode retire() {
        return new TreeNode(id, kind, code, name, parentId, path, gridKind, memberId, true);
    }
}
