package org.gridgov.grid.staff.persistence;

import static org.gridgov.kit.data.Sql.column;
import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.grid.staff.domain.GridRole;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.staff.domain.StaffTerm;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Role holders in {@code grid_staff}: a row per term, the open one is the current holder. */
@Component
public record StaffAssignmentStore(DatabaseClient db) {

    private static final String COLUMNS = "s.id, s.node_id, s.role, s.person_id, s.member_id, s.name, s.started_at, s.ended_at";

    public Flux<StaffAssignment> currentInCommunity(UUID communityId) {
        return db.sql("select " + COLUMNS + """
                         from grid_staff s join grid_node n on n.id = s.node_id
                        where n.key_scope = :community and s.ended_at is null""")
                .bind("community", communityId)
                .map(StaffAssignmentStore::assignment).all();
    }

    public Mono<StaffAssignment> current(UUID nodeId, GridRole role) {
        return db.sql("select " + COLUMNS + " from grid_staff s where s.node_id = :node and s.role = :role and s.ended_at is null")
                .bind("node", nodeId).bind("role", role.name())
                .map(StaffAssignmentStore::assignment).one();
    }

    public Flux<StaffAssignment> currentAt(UUID nodeId) {
        return db.sql("select " + COLUMNS + " from grid_staff s where s.node_id = :node and s.ended_at is null order by s.role")
                .bind("node", nodeId)
                .map(StaffAssignmentStore::assignment).all();
    }

    /** Every term at the node, current and past, newest first. */
    public Flux<StaffTerm> history(UUID nodeId) {
        return db.sql("select " + COLUMNS + " from grid_staff s where s.node_id = :node order by s.started_at desc, s.role")
                .bind("node", nodeId)
                .map(row -> new StaffTerm(assignment(row), row.get("started_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(row.get("ended_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
                .all();
    }

    public Mono<Long> startAll(List<StaffAssignment> assignments, Instant now) {
        if (assignments.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        insert into grid_staff (id, node_id, role, person_id, member_id, name, started_at)
                        select s.id, s.node_id, s.role, s.person_id, s.member_id, s.name, :now
                          from unnest(cast(:ids as uuid[]), cast(:nodes as uuid[]), cast(:roles as text[]),
                                      cast(:people as uuid[]), cast(:members as uuid[]), cast(:names as text[]))
                               as s(id, node_id, role, person_id, member_id, name)""")
                .bind("ids", column(assignments, StaffAssignment::id, UUID[]::new))
                .bind("nodes", column(assignments, StaffAssignment::nodeId, UUID[]::new))
                .bind("roles", column(assignments, assignment -> assignment.role().name(), String[]::new))
                .bind("people", column(assignments, StaffAssignment::personId, UUID[]::new))
                .bind("members", column(assignments, StaffAssignment::memberId, UUID[]::new))
                .bind("names", column(assignments, StaffAssignment::name, String[]::new))
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    public Mono<Long> endAll(List<StaffAssignment> assignments, Instant now) {
        if (assignments.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("update grid_staff set ended_at = :now where id = any(:ids) and ended_at is null")
                .bind("ids", column(assignments, StaffAssignment::id, UUID[]::new))
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    static StaffAssignment assignment(Readable row) {
        return new StaffAssignment(row.get("id", UUID.class), row.get("node_id", UUID.class),
                GridRole.valueOf(row.get("role", String.class)), row.get("person_id", UUID.class),
                row.get("member_id", UUID.class), row.get("name", String.class));
    }
}
