package org.gridgov.fieldwork.operation.persistence;

import static org.gridgov.kit.data.Sql.nullable;
import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.fieldwork.operation.domain.Callee;
import org.gridgov.fieldwork.operation.domain.Operation;
import org.gridgov.fieldwork.operation.domain.OperationTask;
import org.gridgov.fieldwork.operation.domain.OperationKind;
import org.gridgov.fieldwork.operation.domain.TaskGroup;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Emergency operations, who they called out, and their tasks. */
@Component
public record OperationStore(DatabaseClient db, JsonMapper json) {

    private static final Sql.Table CALLEES = new Sql.Table("operation_callee",
            List.of("operation_id", "callee_kind", "callee_id", "group_name", "call_out_id", "called_at", "status"),
            List.of(UUID.class, String.class, UUID.class, String.class, UUID.class, OffsetDateTime.class, String.class));

    public Mono<Void> insert(Operation o) {
        return db.sql("""
                        insert into operation (id, scope_node_id, community_id, kind, title, task_groups, status, opened_by, opened_at)
                        values (:id, :scope, :community, :kind, :title, :groups, :status, :by, :at)""")
                .bind("id", o.id()).bind("scope", o.scopeNodeId())
                .bind("community", nullable(o.communityId(), UUID.class)).bind("kind", o.kind().name())
                .bind("title", o.title()).bind("groups", json.writeValueAsString(o.taskGroups()))
                .bind("status", o.status().name()).bind("by", o.openedBy()).bind("at", utc(o.openedAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> close(Operation o) {
        return db.sql("update operation set status = :status, closed_at = :at where id = :id")
                .bind("id", o.id()).bind("status", o.status().name()).bind("at", utc(o.closedAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Operation> find(UUID id) {
        return db.sql("select * from operation where id = :id").bind("id", id).map(this::operation).one();
    }

    /** The operation, locked until the transaction ends: call-outs, reports and the close of one operation queue up. */
    public Mono<Operation> lock(UUID id) {
        return db.sql("select * from operation where id = :id for update").bind("id", id).map(this::operation).one();
    }

    /** Operations over the node or below it, newest first. */
    public Flux<Operation> under(UUID node, int limit) {
        return db.sql("""
                        select o.* from operation o join kit_grid_node n on n.id = o.scope_node_id
                        where n.id = :node or :node = any(n.path)
                        order by o.opened_at desc, o.id limit :limit""")
                .bind("node", node).bind("limit", limit).map(this::operation).all();
    }

    /** Operations that called out the member or the unit, newest first. */
    public Flux<Operation> calling(UUID member, UUID unit, int limit) {
        return db.sql("""
                        select o.* from operation o where exists (select 1 from operation_callee c where c.operation_id = o.id
                            and ((c.callee_kind = 'MEMBER' and c.callee_id = :member) or (c.callee_kind = 'UNIT' and c.callee_id = :unit)))
                        order by o.opened_at desc, o.id limit :limit""")
                .bind("member", nullable(member, UUID.class)).bind("unit", nullable(unit, UUID.class))
                .bind("limit", limit).map(this::operation).all();
    }

    public Mono<Void> insertCallees(List<Callee> callees) {
        return Sql.insertRows(db, CALLEES, callees.stream().map(c -> new Object[] {c.operationId(), c.kind().name(), c.id(),
                c.groupName(), c.callOutId(), utc(c.calledAt()), c.status().name()}).toList()).then();
    }

    public Flux<Callee> callees(UUID operationId) {
        return db.sql("select * from operation_callee where operation_id = :id order by called_at, callee_kind, callee_id")
                .bind("id", operationId).map(OperationStore::callee).all();
    }

    public Mono<Callee> callee(UUID operationId, Callee.Kind kind, UUID id) {
        return db.sql("select * from operation_callee where operation_id = :op and callee_kind = :kind and callee_id = :id")
                .bind("op", operationId).bind("kind", kind.name()).bind("id", id).map(OperationStore::callee).one();
    }

    public Mono<Void> report(Callee c) {
        return db.sql("""
                        update operation_callee set status = :status, reported_at = :reportedAt, arrived_at = :arrivedAt
                        where operation_id = :op and callee_kind = :kind and callee_id = :id""")
                .bind("op", c.operationId()).bind("kind", c.kind().name()).bind("id", c.id())
                .bind("status", c.status().name()).bind("reportedAt", utc(c.reportedAt()))
                .bind("arrivedAt", nullable(c.arrivedAt() == null ? null : utc(c.arrivedAt()), OffsetDateTime.class))
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> insertTask(OperationTask t) {
        return db.sql("""
                        insert into operation_task (id, operation_id, group_name, text, assigned_by, assigned_at)
                        values (:id, :op, :group, :text, :by, :at)""")
                .bind("id", t.id()).bind("op", t.operationId()).bind("group", t.groupName()).bind("text", t.text())
                .bind("by", t.assignedBy()).bind("at", utc(t.assignedAt()))
                .fetch().rowsUpdated().then();
    }

    public Flux<OperationTask> tasks(UUID operationId) {
        return db.sql("select * from operation_task where operation_id = :id order by assigned_at, id").bind("id", operationId)
                .map(row -> new OperationTask(row.get("id", UUID.class), row.get("operation_id", UUID.class),
                        row.get("group_name", String.class), row.get("text", String.class),
                        row.get("assigned_by", String.class), Sql.instant(row, "assigned_at").orElseThrow()))
                .all();
    }

    /**
     * Party members in or near the scope not yet called out to the operation: of the kinds asked (an in-service member
     * only once they reported in, 双报到), living in the scope's community or in a community below the scope; those
     * whose grid lies in the scope first.
     */
    public Flux<UUID> memberCandidates(UUID operationId, UUID scope, UUID community, List<String> kinds, int limit) {
        return db.sql("""
                        select m.member_id from callable_member m
                        join kit_grid_node c on c.id = m.community_id
                        left join kit_grid_node g on g.id = m.grid_id
                        where (m.community_id = :community or :scope = any(c.path))
                          and m.kind = any(:kinds) and (m.kind <> 'IN_SERVICE' or m.dual_reported)
                          and not exists (select 1 from operation_callee oc where oc.operation_id = :op
                                          and oc.callee_kind = 'MEMBER' and oc.callee_id = m.member_id)
                        order by (g.id = :scope or coalesce(:scope = any(g.path), false)) desc, m.member_id
                        limit :limit""")
                .bind("op", operationId).bind("scope", scope).bind("community", nullable(community, UUID.class))
                .bind("kinds", kinds.toArray(String[]::new)).bind("limit", limit)
                .map(row -> row.get(0, UUID.class)).all();
    }

    /**
     * Member units not yet called out whose current resource list offers one of the categories in or near the scope:
     * a unit of the scope's community's Grand Party Committee, or one whose item serves a node within the scope or
     * above it.
     */
    public Flux<UUID> unitCandidates(UUID operationId, UUID scope, UUID community, List<String> categories, int limit) {
        return db.sql("""
                        select u.unit_id from callable_unit u
                        where not exists (select 1 from operation_callee oc where oc.operation_id = :op
                                          and oc.callee_kind = 'UNIT' and oc.callee_id = u.unit_id)
                          and exists (select 1 from callable_unit_resource r where r.unit_id = u.unit_id
                              and r.category = any(:categories)
                              and (:community = any(u.community_ids) or exists (select 1 from kit_grid_node a
                                   where a.id = any(r.area) and (a.id = :scope or :scope = any(a.path)
                                       or a.id in (select unnest(s.path) from kit_grid_node s where s.id = :scope)))))
                        order by u.unit_id limit :limit""")
                .bind("op", operationId).bind("scope", scope).bind("community", nullable(community, UUID.class))
                .bind("categories", categories.toArray(String[]::new)).bind("limit", limit)
                .map(row -> row.get(0, UUID.class)).all();
    }

    /** Of the members, those member-service announced. */
    public Flux<UUID> knownMembers(List<UUID> ids) {
        return db.sql("select member_id from callable_member where member_id = any(:ids)").bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get(0, UUID.class)).all();
    }

    /** Of the units, those member-service announced. */
    public Flux<UUID> knownUnits(List<UUID> ids) {
        return db.sql("select unit_id from callable_unit where unit_id = any(:ids)").bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get(0, UUID.class)).all();
    }

    private Operation operation(Readable row) {
        List<TaskGroup> groups = json.readValue(row.get("task_groups", String.class), new TypeReference<List<TaskGroup>>() { });
        return new Operation(row.get("id", UUID.class), row.get("scope_node_id", UUID.class),
                row.get("community_id", UUID.class), OperationKind.valueOf(row.get("kind", String.class)),
                row.get("title", String.class), groups, Operation.Status.valueOf(row.get("status", String.class)),
                row.get("opened_by", String.class), Sql.instant(row, "opened_at").orElseThrow(),
                Sql.instant(row, "closed_at").orElse(null));
    }

    private static Callee callee(Readable row) {
        return new Callee(row.get("operation_id", UUID.class), Callee.Kind.valueOf(row.get("callee_kind", String.class)),
                row.get("callee_id", UUID.class), row.get("group_name", String.class), row.get("call_out_id", UUID.class),
                Sql.instant(row, "called_at").orElseThrow(), Callee.Status.valueOf(row.get("status", String.class)),
                Sql.instant(row, "reported_at").orElse(null), Sql.instant(row, "arrived_at").orElse(null));
    }
}
