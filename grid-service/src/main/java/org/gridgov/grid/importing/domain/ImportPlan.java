package org.gridgov.grid.importing.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.tree.domain.TreeNode;

/**
 * The changes that make the stored community match a valid document; empty lists when the
 * document is already in place. Nodes are listed parents first. {@code summary} counts rows per
 * section ({@code areas}, {@code grids}, {@code microGrids}, {@code hubHouseholds},
 * {@code households}, {@code staff}).
 */
public record ImportPlan(UUID communityId, List<TreeNode> createdNodes, List<TreeNode> updatedNodes,
                         List<Household> registered, List<Household> moved, List<StaffAssignment> ended,
                         List<StaffAssignment> started, Map<String, SectionCounts> summary) {

    public ImportPlan {
        createdNodes = List.copyOf(createdNodes);
        updatedNodes = List.copyOf(updatedNodes);
        registered = List.copyOf(registered);
        moved = List.copyOf(moved);
        ended = List.copyOf(ended);
        started = List.copyOf(started);
        summary = Map.copyOf(summary);
    }

    /** Rows to write, for the progress an operator watches. */
    public int writes() {
        return createdNodes.size() + updatedNodes.size() + registered.size() + moved.size() + ended.size()
                + started.size();
    }
}
