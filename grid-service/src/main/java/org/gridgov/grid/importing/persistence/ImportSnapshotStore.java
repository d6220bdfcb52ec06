package org.gridgov.grid.importing.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.gridgov.contracts.Ids;
import org.gridgov.contracts.address.AddressNormaliser;
import org.gridgov.contracts.address.NormalisedAddress;
import org.gridgov.grid.household.persistence.HouseholdStore;
import org.gridgov.grid.importing.domain.CommunitySnapshot;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportPlanner;
import org.gridgov.grid.readmodel.PartyMembers;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.staff.persistence.StaffAssignmentStore;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.domain.TreeNode;
import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads what exists where an import document lands (see {@link CommunitySnapshot}). */
@Component
public record ImportSnapshotStore(GridNodeStore nodes, HouseholdStore households, StaffAssignmentStore staff,
                                  PartyMembers members) {

    /** Only the district, street and community: enough to check the caller's jurisdiction. */
    public Mono<CommunitySnapshot> areas(ImportDocument document) {
        return area(NodeKind.DISTRICT, Optional.of(TreeNode.ROOT_SCOPE), document.district())
                .flatMap(district -> area(NodeKind.STREET, district.map(TreeNode::id), document.street())
                        .flatMap(street -> area(NodeKind.COMMUNITY, street.map(TreeNode::id), document.community())
                                .flatMap(community -> takenIds(document).map(taken ->
                                        CommunitySnapshot.chainOnly(district, street, community, taken)))));
    }

    public Mono<CommunitySnapshot> full(ImportDocument document) {
        return areas(document).flatMap(areas -> {
            Optional<UUID> communityId = areas.community().map(TreeNode::id);
            List<String> addresses = document.households().stream()
                    .flatMap(row -> row == null ? Stream.empty() : AddressNormaliser.normalise(row.address()).stream())
                    .filter(ImportPlanner::storable)
                    .map(NormalisedAddress::key)
                    .toList();
            Mono<List<TreeNode>> inside = communityId.map(id -> nodes.insideCommunity(id).collectList())
                    .orElse(Mono.just(List.of()));
            Mono<List<StaffAssignment>> holders = communityId
                    .map(id -> staff.currentInCommunity(id).collectList()).orElse(Mono.just(List.of()));
            return Mono.zip(inside, households.ofCommunityOrAt(communityId.orElse(null), addresses).collectList(), holders,
                            members.known(namedMembers(document)))
                    .map(found -> new CommunitySnapshot(areas.district(), areas.street(), areas.community(),
                            found.getT1(), found.getT2(), found.getT3(), areas.takenIds(), found.getT4()));
        });
    }

    private Mono<Optional<TreeNode>> area(NodeKind kind, Optional<UUID> scope, Area area) {
        if (scope.isEmpty() || area == null || area.name() == null || area.name().isBlank()) {
            return Mono.just(Optional.empty());
        }
        return nodes.findArea(kind, scope.get(), area.name().strip()).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Which of the ids the document gives are used by some node already. */
    private Mono<Set<UUID>> takenIds(ImportDocument document) {
        Set<UUID> given = new HashSet<>();
        Stream.of(Stream.of(document.district(), document.street(), document.community())
                                .map(area -> area == null ? null : area.id()),
                        document.grids().stream().map(row -> row == null ? null : row.id()),
                        document.microGrids().stream().map(row -> row == null ? null : row.id()),
                        document.hubHouseholds().stream().map(row -> row == null ? null : row.id()))
                .flatMap(ids -> ids)
                .forEach(id -> Ids.parse(id).ifPresent(given::add));
        return given.isEmpty() ? Mono.just(Set.of()) : nodes.existingIds(given).collect(HashSet::new, Set::add);
    }

    /** The party members the document's hub households and staff name. */
    private static Set<UUID> namedMembers(ImportDocument document) {
        Set<UUID> named = new HashSet<>();
        Stream.concat(document.hubHouseholds().stream().map(row -> row == null ? null : row.memberId()),
                        document.staff().stream().map(row -> row == null ? null : row.memberId()))
                .forEach(id -> Ids.parse(id).ifPresent(named::add));
        return named;
    }
}
