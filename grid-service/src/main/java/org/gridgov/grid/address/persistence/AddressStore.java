package org.gridgov.grid.address.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.gridgov.grid.tree.domain.TreeNode;
import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Where normalised addresses lie in the tree: the lineage of the micro-grid holding them. */
@Component
public record AddressStore(DatabaseClient db) {

    /** The micro-grid of a registered address and every node above it, in one round trip; empty when unknown. */
    public Flux<TreeNode> lineageAt(String addressKey) {
        return db.sql("""
                        select n.id, n.kind, n.code, n.name, n.parent_id, n.lineage, n.grid_kind, n.member_id, n.retired
                          from household h
                          join grid_node m on m.id = h.micro_grid_id
                          join grid_node n on n.id = any (m.lineage)
                         where h.address_key = :key""")
                .bind("key", addressKey)
                .map(GridNodeStore::node)
                .all();
    }

    /**
     * The micro-grids holding addresses that start with {@code prefix} (a door number, building or
     * stairwell). A key range rather than LIKE, so the unique index serves it under any query plan.
     */
    public Flux<List<UUID>> under(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        String upper = prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
        return db.sql("""
                        select m.lineage from grid_node m
                         where m.id in (select h.micro_grid_id from household h
                                         where h.address_key >= :prefix and h.address_key < :upper)""")
                .bind("prefix", prefix).bind("upper", upper)
                .map(row -> Arrays.asList(row.get("lineage", UUID[].class)))
                .all();
    }
}
