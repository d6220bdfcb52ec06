package org.gridgov.matching.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.matching.fit.domain.ServiceArea;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Places grid nodes in the tree, from the kit's grid-tree read model: a node's chain is its ancestors
 * (root first) followed by the node. A node this service has not heard of yet is a chain of itself.
 */
@Component
public record GridChains(DatabaseClient db) {

    public Mono<Map<UUID, List<UUID>>> of(Collection<UUID> nodeIds) {
        UUID[] ids = nodeIds.stream().distinct().toArray(UUID[]::new);
        if (ids.length == 0) {
            return Mono.just(Map.of());
        }
        return db.sql("select id, path from kit_grid_node where id = any(:ids)")
                .bind("ids", ids)
                .map(row -> chain(row.get("path", UUID[].class), row.get("id", UUID.class)))
                .all().collectList()
                .map(chains -> {
                    Map<UUID, List<UUID>> byNode = new HashMap<>();
                    chains.forEach(chain -> byNode.put(chain.get(chain.size() - 1), chain));
                    for (UUID id : ids) {
                        byNode.putIfAbsent(id, List.of(id));
                    }
                    return byNode;
                });
    }

    /** A node's chain from its ancestors' {@code path}. */
    public static List<UUID> chain(UUID[] path, UUID nodeId) {
        List<UUID> chain = new ArrayList<>(List.of(path));
        chain.add(nodeId);
        return chain;
    }

    /** The area of a resource whose nodes' chains are in {@code chains}. */
    public static ServiceArea area(List<UUID> nodes, Map<UUID, List<UUID>> chains) {
        return new ServiceArea(nodes.stream().map(node -> chains.getOrDefault(node, List.of(node))).toList());
    }
}
