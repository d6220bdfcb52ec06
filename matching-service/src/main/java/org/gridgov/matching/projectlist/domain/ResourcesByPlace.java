package org.gridgov.matching.projectlist.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.matching.fit.domain.GridPlace;

/**
 * Finds the resources whose area could reach a place without testing every resource: those with an
 * area node on or below the place's micro-grid, grid or community, and those whose area is a node
 * above the community (a street- or district-wide resource).
 */
final class ResourcesByPlace {

    private final Map<UUID, List<Integer>> byNodeInChain = new HashMap<>();
    private final Map<UUID, List<Integer>> byAreaNode = new HashMap<>();

    ResourcesByPlace(List<Resource> resources) {
        for (int r = 0; r < resources.size(); r++) {
            for (List<UUID> chain : resources.get(r).area().nodeChains()) {
                for (UUID node : chain) {
                    byNodeInChain.computeIfAbsent(node, key -> new ArrayList<>()).add(r);
                }
                if (!chain.isEmpty()) {
                    byAreaNode.computeIfAbsent(chain.get(chain.size() - 1), key -> new ArrayList<>()).add(r);
                }
            }
        }
    }

    /** Indexes of the resources that may reach the place, ascending; the cost model has the last word. */
    int[] near(GridPlace place) {
        BitSet found = new BitSet();
        add(found, byNodeInChain, place.communityId());
        add(found, byNodeInChain, place.gridId());
        add(found, byNodeInChain, place.microGridId());
        for (UUID above : place.aboveCommunity()) {
            add(found, byAreaNode, above);
        }
        return found.stream().toArray();
    }

    private static void add(BitSet found, Map<UUID, List<Integer>> index, UUID node) {
        if (node != null) {
            index.getOrDefault(node, List.of()).forEach(found::set);
        }
    }
}
