package org.gridgov.grid.tree.persistence;

import static org.gridgov.kit.data.Sql.arrayLiteral;
import static org.gridgov.kit.data.Sql.column;
import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.grid.tree.domain.GridKind;
import org.gridgov.grid.tree.domain.NodeCounts;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.domain.TreeNode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The grid tree in {@code grid_node}. Subtree questions are one GIN lookup on {@code lineage}. */
@Component
public record GridNodeStore(DatabaseClient db) {

    public static final String COLUMNS = "id, kind, code, name, parent_id, lineage, grid_kind, member_id, retired";

    public Mono<TreeNode> find(UUID id) {
        return db.sql("select " + COLUMNS + " from grid_node where id = :id").bind("id", id)
                .map(GridNodeStore::node).one();
    }

    public Flux<TreeNode> findAll(Collection<UUID> ids) {
        return db.sql("select " + COLUMNS + " from grid_node where id = any(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(GridNodeStore::node).all();
    }

    /** A district, street or community by its name under {@code scope} (its parent; the root scope for a district). */
    public Mono<TreeNode> findArea(NodeKind kind, UUID scope, String name) {
        return db.sql("select " + COLUMNS + " from grid_node where key_scope = :scope and kind = :kind and code = :name")
                .bind("scope", scope).bind("kind", kind.name()).bind("name", name)
                .map(GridNodeStore::node).one();
    }

    /** The grids, micro-grids and hub households of a community, retired ones too. */
    public Flux<TreeNode> insideCommunity(UUID communityId) {
        return db.sql("select " + COLUMNS + " from grid_node where key_scope = :community and kind in ('GRID', 'MICRO_GRID', 'HUB_HOUSEHOLD')")
                .bind("community", communityId)
                .map(GridNodeStore::node).all();
    }

    public Flux<UUID> existingIds(Collection<UUID> ids) {
        return db.sql("select id from grid_node where id = any(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get("id", UUID.class)).all();
    }

    public Flux<TreeNode> children(UUID id) {
        return db.sql("select " + COLUMNS + " from grid_node where parent_id = :id and not retired order by code, id")
                .bind("id", id)
                .map(GridNodeStore::node).all();
    }

    /** The node and its live descendants down to {@code depth} levels below it, parents first. */
    public Flux<TreeNode> subtree(TreeNode root, int depth) {
        return db.sql("select " + COLUMNS + """
                         from grid_node
                        where lineage @> array[cast(:id as uuid)] and cardinality(lineage) <= :deepest and not retired
                        order by cardinality(lineage), code, id""")
                .bind("id", root.id()).bind("deepest", root.path().size() + 1 + depth)
                .map(GridNodeStore::node).all();
    }

    /** Live nodes by kind, parent and part of the name, in name order after the (name, id) {@code after}. */
    public Flux<TreeNode> search(NodeSearch search) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from grid_node where not retired");
        Map<String, Object> binds = new HashMap<>();
        search.kind().ifPresent(kind -> {
            sql.append(" and kind = :kind");
            binds.put("kind", kind.name());
        });
        search.nameContains().ifPresent(name -> {
            sql.append(" and strpos(name, :name) > 0");
            binds.put("name", name);
        });
        search.parent().ifPresent(parent -> {
            sql.append(" and parent_id = :parent");
            binds.put("parent", parent);
        });
        search.after().ifPresent(after -> {
            sql.append(" and (name, id) > (:afterName, :afterId)");
            binds.put("afterName", after.name());
            binds.put("afterId", after.id());
        });
        sql.append(" order by name, id limit :limit");
        binds.put("limit", search.limit());
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(GridNodeStore::node).all();
    }

    /** Whether {@code node} is {@code ancestorOrSelf} or lies below it; false when either is unknown. */
    public Mono<Boolean> isWithin(UUID node, UUID ancestorOrSelf) {
        return db.sql("select exists (select 1 from grid_node where id = :node and lineage @> array[cast(:ancestor as uuid)])")
                .bind("node", node).bind("ancestor", ancestorOrSelf)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one();
    }

    /** The counts of each node, in one query however many nodes. */
    public Mono<Map<UUID, NodeCounts>> counts(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        select t.id,
                               case when t.kind = 'HUB_HOUSEHOLD' then linked.households else inside.households end as households,
                               case when t.kind = 'HUB_HOUSEHOLD' then linked.shops else inside.shops end as shops,
                               hubs.n as hubs, staff.n as staff, members.n as members
                          from grid_node t
                         cross join lateral (
                               select count(*) as households, count(*) filter (where h.kind = 'SHOP') as shops
                                 from grid_node m join household h on h.micro_grid_id = m.id
                                where m.lineage @> array[t.id] and m.kind = 'MICRO_GRID') inside
                         cross join lateral (
                               select count(*) as households, count(*) filter (where h.kind = 'SHOP') as shops
                                 from household h where h.hub_household_id = t.id) linked
                         cross join lateral (
                               select count(*) as n from grid_node s
                                where s.lineage @> array[t.id] and s.kind = 'HUB_HOUSEHOLD' and not s.retired) hubs
                         cross join lateral (
                               select count(*) as n from grid_staff st join grid_node s on s.id = st.node_id
                                where s.lineage @> array[t.id] and st.ended_at is null) staff
                         cross join lateral (
                               select count(distinct p.member_id) as n from party_member_place p join grid_node s on s.id = p.node_id
                                where s.lineage @> array[t.id]) members
                         where t.id = any(:ids)""")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class), new NodeCounts(row.get("households", Long.class),
                        row.get("shops", Long.class), row.get("hubs", Long.class), row.get("staff", Long.class),
                        row.get("members", Long.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Writes new nodes with one statement: parents may be among them. */
    public Mono<Long> insertAll(List<TreeNode> nodes, Instant now) {
        if (nodes.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        insert into grid_node (id, kind, code, key_scope, name, parent_id, lineage, grid_kind, member_id,
                                               retired, created_at, updated_at)
                        select n.id, n.kind, n.code, n.key_scope, n.name, n.parent_id, cast(n.lineage as uuid[]),
                               n.grid_kind, n.member_id, false, :now, :now
                          from unnest(cast(:ids as uuid[]), cast(:kinds as text[]), cast(:codes as text[]),
                                      cast(:scopes as uuid[]), cast(:names as text[]), cast(:parents as uuid[]),
                                      cast(:lineages as text[]), cast(:gridKinds as text[]), cast(:members as uuid[]))
                               as n(id, kind, code, key_scope, name, parent_id, lineage, grid_kind, member_id)""")
                .bind("ids", column(nodes, TreeNode::id, UUID[]::new))
                .bind("kinds", column(nodes, node -> node.kind().name(), String[]::new))
                .bind("codes", column(nodes, TreeNode::code, String[]::new))
                .bind("scopes", column(nodes, TreeNode::keyScope, UUID[]::new))
                .bind("names", column(nodes, TreeNode::name, String[]::new))
                .bind("parents", column(nodes, TreeNode::parentId, UUID[]::new))
                // unnest flattens a uuid[][]; each lineage travels as its array literal instead
                .bind("lineages", column(nodes, node -> arrayLiteral(node.lineage()), String[]::new))
                .bind("gridKinds", column(nodes, node -> node.gridKind() == null ? null : node.gridKind().name(), String[]::new))
                .bind("members", column(nodes, TreeNode::memberId, UUID[]::new))
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    /** Writes a node's new state: name, place in the tree, kind of grid, member, retirement. */
    public Mono<Long> update(TreeNode node, Instant now) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        update grid_node set name = :name, parent_id = :parent, lineage = :lineage, grid_kind = :gridKind,
                               member_id = :member, retired = :retired, version = version + 1, updated_at = :now
                         where id = :id""")
                .bind("id", node.id())
                .bind("name", node.name())
                .bind("lineage", node.lineage().toArray(UUID[]::new))
                .bind("retired", node.retired())
                .bind("now", utc(now));
        update = node.parentId() == null ? update.bindNull("parent", UUID.class) : update.bind("parent", node.parentId());
        update = node.gridKind() == null ? update.bindNull("gridKind", String.class)
                : update.bind("gridKind", node.gridKind().name());
        update = node.memberId() == null ? update.bindNull("member", UUID.class) : update.bind("member", node.memberId());
        return update.fetch().rowsUpdated();
    }

    /** A node from a row with the columns of {@link #COLUMNS}. */
    public static TreeNode node(Readable row) {
        UUID[] lineage = row.get("lineage", UUID[].class);
        String gridKind = row.get("grid_kind", String.class);
        return new TreeNode(row.get("id", UUID.class), NodeKind.valueOf(row.get("kind", String.class)),
                row.get("code", String.class), row.get("name", String.class), row.get("parent_id", UUID.class),
                Arrays.asList(lineage).subList(0, lineage.length - 1),
                gridKind == null ? null : GridKind.valueOf(gridKind),
                row.get("member_id", UUID.class), Boolean.TRUE.equals(row.get("retired", Boolean.class)));
    }
}
