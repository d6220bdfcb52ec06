package org.gridgov.grid.importing.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.tree.domain.TreeNode;

/**
 * What exists already where an import document lands: its district, street and community when
 * they exist; the community's grids, micro-grids and hub households (retired ones included, since
 * their codes stay taken); its households plus any household elsewhere at one of the document's
 * addresses; the current staff; which of the document's ids other nodes already use; and which of
 * the party members the document names the platform knows.
 */
public record CommunitySnapshot(Optional<TreeNode> district, Optional<TreeNode> street, Optional<TreeNode> community,
                                List<TreeNode> nodes, List<Household> households, List<StaffAssignment> staff,
                                Set<UUID> takenIds, Set<UUID> knownMembers) {

    public CommunitySnapshot {
        nodes = List.copyOf(nodes);
        households = List.copyOf(households);
        staff = List.copyOf(staff);
        takenIds = Set.copyOf(takenIds);
        knownMembers = Set.copyOf(knownMembers);
    }

    /** Where nothing of the community exists yet beyond (perhaps) its district and street. */
    public static CommunitySnapshot chainOnly(Optional<TreeNode> district, Optional<TreeNode> street,
                                              Optional<TreeNode> community, Set<UUID> takenIds) {
        return new CommunitySnapshot(district, street, community, List.of(), List.of(), List.of(), takenIds, Set.of());
    }
}
