package org.gridgov.kit.jurisdiction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.contracts.events.GridNodeCreated;
import org.gridgov.contracts.events.GridNodeRetired;
import org.gridgov.contracts.events.GridNodeUpdated;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * This service's copy of the grid tree, kept from {@code grid.events}: which node lies inside
 * which, for jurisdiction checks and for placing wishes, needs and units. Only the grid-service
 * owns the tree; everyone else reads this read model, rebuilt from the topic when empty.
 */
public class GridTree implements EventSubscriber {

    private final DatabaseClient db;

    public GridTree(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("grid-tree")
                .on(GridNodeCreated.class, node -> upsert(node.nodeId(), node.kind(), node.name(),
                        node.parentId(), node.path(), node.gridKind(), false, node.occurredAt()))
                .on(GridNodeUpdated.class, node -> upsert(node.nodeId(), node.kind(), node.name(),
                        node.parentId(), node.path(), node.gridKind(), false, node.occurredAt()))
                .on(GridNodeRetired.class, node -> upsert(node.nodeId(), node.kind(), node.name(),
                        node.parentId(), node.path(), node.gridKind(), true, node.occurredAt()));
    }

    public Mono<GridNode> find(UUID id) {
        return db.sql("select id, kind, name, parent_id, path, grid_kind, retired from kit_grid_node where id = :id")
                .bind("id", id)
                .map(GridTree::node)
                .one();
    }

    /** The node itself or its nearest ancestor of the given kind (e.g. the COMMUNITY of a micro-grid). */
    public Mono<GridNode> ancestorOfKind(UUID id, String kind) {
        return db.sql("""
                        select a.id, a.kind, a.name, a.parent_id, a.path, a.grid_kind, a.retired
                        from kit_grid_node n join kit_grid_node a on a.id = n.id or a.id = any (n.path)
                        where n.id = :id and a.kind = :kind
                        order by cardinality(a.path) desc limit 1""")
                .bind("id", id).bind("kind", kind)
                .map(GridTree::node)
                .one();
    }

    /**
     * The node and its ancestors in one round trip, the node first and then the nearest ancestor first (a
     * micro-grid, its grid, community, street, district); empty when the node is not known.
     */
    public Mono<List<GridNode>> withAncestors(UUID id) {
        return db.sql("""
                        select a.id, a.kind, a.name, a.parent_id, a.path, a.grid_kind, a.retired
                        from kit_grid_node n join kit_grid_node a on a.id = n.id or a.id = any (n.path)
                        where n.id = :id
                        order by cardinality(a.path) desc""")
                .bind("id", id)
                .map(GridTree::node)
                .all().collectList()
                .filter(chain -> !chain.isEmpty());
    }

    private Mono<Void> upsert(UUID id, String kind, String name, UUID parentId, List<UUID> path, String gridKind,
                              boolean retired, Instant occurredAt) {
        DatabaseClient.GenericExecuteSpec upsert = db.sql("""
                        insert into kit_grid_node (id, kind, name, parent_id, path, grid_kind, retired, updated_at)
                        values (:id, :kind, :name, :parentId, :path, :gridKind, :retired, :updatedAt)
                        on conflict (id) do update set kind = excluded.kind, name = excluded.name,
                            parent_id = excluded.parent_id, path = excluded.path, grid_kind = excluded.grid_kind,
                            retired = excluded.retired, updated_at = excluded.updated_at
                        where kit_grid_node.updated_at <= excluded.updated_at""")
                .bind("id", id)
                .bind("kind", kind)
                .bind("name", name)
                .bind("path", path.toArray(UUID[]::new))
                .bind("retired", retired)
                .bind("updatedAt", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
        upsert = optional(upsert, "parentId", parentId, UUID.class);
        upsert = optional(upsert, "gridKind", gridKind, String.class);
        return upsert.fetch().rowsUpdated().then();
    }

    private static <T> DatabaseClient.GenericExecuteSpec optional(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                 T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static GridNode node(Readable row) {
        UUID[] path = row.get("path", UUID[].class);
        return new GridNode(row.get("id", UUID.class), row.get("kind", String.class), row.get("name", String.class),
                Optional.ofNullable(row.get("parent_id", UUID.class)),
                path == null ? List.of() : Arrays.asList(path),
                Optional.ofNullable(row.get("grid_kind", String.class)),
                Boolean.TRUE.equals(row.get("retired", Boolean.class)));
    }
}
