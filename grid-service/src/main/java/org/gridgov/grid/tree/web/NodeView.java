package org.gridgov.grid.tree.web;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.tree.TreeQueries.Branch;
import org.gridgov.grid.tree.TreeQueries.Counted;
import org.gridgov.grid.tree.domain.NodeCounts;
import org.gridgov.grid.tree.domain.TreeNode;

/**
 * A grid-tree node as the API shows it. {@code path} lists the ancestors' ids, root first: whether
 * a node lies inside a jurisdiction is {@code path} containing it. {@code staff} (current role
 * holders) is given for a single grid or micro-grid, {@code children} in a tree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeView(UUID id, String kind, String code, String name, UUID parentId, List<UUID> path,
                       String gridKind, UUID memberId, boolean retired, NodeCounts counts, List<StaffView> staff,
                       List<NodeView> children) {

    public static NodeView of(Counted counted) {
        return of(counted.node(), counted.counts(), null, null);
    }

    public static NodeView withStaff(Counted counted, List<StaffAssignment> staff) {
        return of(counted.node(), counted.counts(), staff.stream().map(StaffView::of).toList(), null);
    }

    public static NodeView of(Branch branch) {
        return of(branch.node(), branch.counts(), null, branch.children().stream().map(NodeView::of).toList());
    }

    private static NodeView of(TreeNode node, NodeCounts counts, List<StaffView> staff, List<NodeView> children) {
        return new NodeView(node.id(), node.kind().name(), node.code(), node.name(), node.parentId(), node.path(),
                node.gridKind() == null ? null : node.gridKind().name(), node.memberId(), node.retired(), counts, staff,
                children);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffView(String role, UUID personId, UUID memberId, String name) {

        static StaffView of(StaffAssignment assignment) {
            return new StaffView(assignment.role().name(), assignment.personId(), assignment.memberId(), assignment.name());
        }
    }
}
