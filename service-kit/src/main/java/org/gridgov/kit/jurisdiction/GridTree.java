package org.gridgov.kit.jurisdiction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.PoisonEventException;
import org.gridgov.kit.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's copy of the grid tree, kept from {@code grid.events}: which node lies inside
 * which, for jurisdiction checks and for placing wishes, needs and units. Only the grid-service
 * owns the tree; everyone else reads this read model, rebuilt from the topic when empty.
 */
public class GridTree implements EventHandler {

    private static final Set<String> NODE_EVENTS = Set.of(EventType.GRID_NODE_CREATED.type(),
            EventType.GRID_NODE_UPDATED.type(), EventType.GRID_NODE_RETIRED.type());

    private final DatabaseClient db;
    private final JsonMapper json;

    public GridTree(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
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

    @Override
    public String name() {
        return "grid-tree";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.GRID_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        if (!NODE_EVENTS.contains(event.type())) {
            return Mono.empty();
        }
        JsonNode data = json.readTree(event.data());
        boolean retired = event.type().equals(EventType.GRID_NODE_RETIRED.type());
        UUID id = UUID.fromString(data.path("nodeId").asString());
        if (retired && !data.has("kind")) {
            return db.sql("update kit_grid_node set retired = true where id = :id").bind("id", id)
                    .fetch().rowsUpdated().then();
        }
        UUID[] path = data.path("path").valueStream().map(node -> UUID.fromString(node.asString())).toArray(UUID[]::new);
        DatabaseClient.GenericExecuteSpec upsert = db.sql("""
                        insert into kit_grid_node (id, kind, name, parent_id, path, grid_kind, retired, updated_at)
                        values (:id, :kind, :name, :parentId, :path, :gridKind, :retired, :updatedAt)
                        on conflict (id) do update set kind = excluded.kind, name = excluded.name,
                            parent_id = excluded.parent_id, path = excluded.path, grid_kind = excluded.grid_kind,
                            retired = excluded.retired, updated_at = excluded.updated_at
                        where kit_grid_node.updated_at <= excluded.updated_at""")
                .bind("id", id)
                .bind("kind", required(data, "kind"))
                .bind("name", required(data, "name"))
                .bind("path", path)
                .bind("retired", retired)
                .bind("updatedAt", OffsetDateTime.ofInstant(occurredAt(event, data), ZoneOffset.UTC));
        upsert = optional(upsert, "parentId", data.has("parentId") ? UUID.fromString(data.get("parentId").asString()) : null,
                UUID.class);
        upsert = optional(upsert, "gridKind", data.has("gridKind") ? data.get("gridKind").asString() : null, String.class);
        return upsert.fetch().rowsUpdated().then();
    }

    private static Instant occurredAt(CloudEvent event, JsonNode data) {
        return data.has("occurredAt") ? Instant.parse(data.get("occurredAt").asString()) : event.time();
    }

    private static String required(JsonNode data, String field) {
        if (!data.hasNonNull(field)) {
            throw new PoisonEventException("grid node event without " + field);
        }
        return data.get(field).asString();
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
