package org.gridgov.matching.projectlist.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.matching.projectlist.ProjectList;
import org.gridgov.matching.projectlist.ProjectList.Project;
import org.gridgov.matching.projectlist.ProjectList.UnitShortfall;
import org.gridgov.matching.projectlist.ProjectList.UnmatchedNeed;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Project lists of communities and streets, every version kept as it was computed. */
@Component
public record ProjectListStore(DatabaseClient db) {

    private static final Sql.Table ASSIGNMENT = new Sql.Table("project_assignment",
            List.of("project_list_id", "need_id", "need_title", "need_category", "need_priority", "unit_id", "unit_name",
                    "item_id", "item_title", "item_category", "category_fit", "distance", "cost"),
            List.of(UUID.class, UUID.class, String.class, String.class, String.class, UUID.class, String.class,
                    UUID.class, String.class, String.class, String.class, String.class, Long.class));
    private static final Sql.Table UNMATCHED = new Sql.Table("project_unmatched_need",
            List.of("project_list_id", "need_id", "need_title", "need_category", "need_priority", "reason", "penalty"),
            List.of(UUID.class, UUID.class, String.class, String.class, String.class, String.class, Long.class));
    private static final Sql.Table SHORTFALL = new Sql.Table("project_unit_shortfall",
            List.of("project_list_id", "unit_id", "unit_name", "minimum", "assigned", "reason"),
            List.of(UUID.class, UUID.class, String.class, Integer.class, Integer.class, String.class));

    /**
     * The next version number of the area's list for the year. Holds a transaction lock on (area, year)
     * so that two computations at once get consecutive versions.
     */
    public Mono<Integer> nextVersion(ProjectList.Area area, int year) {
        return db.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "project-list:" + area.id() + ":" + year)
                .fetch().first()
                .then(db.sql("select coalesce(max(version), 0) + 1 as next from project_list where " + areaColumn(area)
                                + " = :area and year = :y")
                        .bind("area", area.id()).bind("y", year)
                        .map(row -> row.get("next", Integer.class)).one());
    }

    private static String areaColumn(ProjectList.Area area) {
        return switch (area.kind()) {
            case COMMUNITY -> "community_id";
            case STREET -> "street_id";
        };
    }

    public Mono<Void> save(ProjectList list) {
        UUID id = list.id();
        DatabaseClient.GenericExecuteSpec header = db.sql("""
                        insert into project_list (id, community_id, street_id, year, version, min_per_unit, max_per_unit, need_count,
                            unit_count, assignment_cost, unmatched_penalty, shortfall_penalty, objective, solve_millis,
                            computed_by, computed_at)
                        values (:id, :community, :street, :year, :version, :min, :max, :needs, :units, :assignmentCost,
                            :unmatchedPenalty, :shortfallPenalty, :objective, :solveMillis, :computedBy, :computedAt)""")
                .bind("id", id).bind("year", list.year())
                .bind("version", list.version())
                .bind("min", list.unitQuota().min()).bind("max", list.unitQuota().max())
                .bind("needs", list.needCount()).bind("units", list.unitCount())
                .bind("assignmentCost", list.objective().assignmentCost())
                .bind("unmatchedPenalty", list.objective().unmatchedPenalty())
                .bind("shortfallPenalty", list.objective().shortfallPenalty())
                .bind("objective", list.objective().total())
                .bind("solveMillis", list.solveMillis())
                .bind("computedBy", list.computedBy())
                .bind("computedAt", OffsetDateTime.ofInstant(list.computedAt(), ZoneOffset.UTC));
        header = nullable(header, "community", list.communityId());
        header = nullable(header, "street", list.streetId());
        Mono<Long> inserted = header.fetch().rowsUpdated();
        List<Object[]> assignments = list.assignments().stream().map(p -> new Object[] {id, p.needId(), p.needTitle(),
                p.needCategory(), p.needPriority(), p.unitId(), p.unitName(), p.itemId(), p.itemTitle(), p.itemCategory(),
                p.categoryFit(), p.distance(), p.cost()}).toList();
        List<Object[]> unmatched = list.unmatched().stream().map(u -> new Object[] {id, u.needId(), u.needTitle(),
                u.needCategory(), u.needPriority(), u.reason(), u.penalty()}).toList();
        List<Object[]> shortfalls = list.unitShortfalls().stream().map(s -> new Object[] {id, s.unitId(), s.unitName(),
                s.minimum(), s.assigned(), s.reason()}).toList();
        return inserted.then(Sql.insertRows(db, ASSIGNMENT, assignments))
                .then(Sql.insertRows(db, UNMATCHED, unmatched))
                .then(Sql.insertRows(db, SHORTFALL, shortfalls))
                .then();
    }

    public Mono<ProjectList> find(UUID id) {
        Mono<List<Project>> assignments = db.sql("select * from project_assignment where project_list_id = :id order by unit_name, unit_id, need_id")
                .bind("id", id)
                .map(row -> new Project(row.get("need_id", UUID.class), row.get("need_title", String.class),
                        row.get("need_category", String.class), row.get("need_priority", String.class),
                        row.get("unit_id", UUID.class), row.get("unit_name", String.class), row.get("item_id", UUID.class),
                        row.get("item_title", String.class), row.get("item_category", String.class),
                        row.get("category_fit", String.class), row.get("distance", String.class), row.get("cost", Long.class)))
                .all().collectList();
        Mono<List<UnmatchedNeed>> unmatched = db.sql("select * from project_unmatched_need where project_list_id = :id order by penalty desc, need_id")
                .bind("id", id)
                .map(row -> new UnmatchedNeed(row.get("need_id", UUID.class), row.get("need_title", String.class),
                        row.get("need_category", String.class), row.get("need_priority", String.class),
                        row.get("reason", String.class), row.get("penalty", Long.class)))
                .all().collectList();
        Mono<List<UnitShortfall>> shortfalls = db.sql("select * from project_unit_shortfall where project_list_id = :id order by unit_name, unit_id")
                .bind("id", id)
                .map(row -> new UnitShortfall(row.get("unit_id", UUID.class), row.get("unit_name", String.class),
                        row.get("minimum", Integer.class), row.get("assigned", Integer.class), row.get("reason", String.class)))
                .all().collectList();
        return db.sql("select * from project_list where id = :id").bind("id", id)
                .map(ProjectListStore::header).one()
                .flatMap(list -> Mono.zip(assignments, unmatched, shortfalls)
                        .map(rows -> new ProjectList(list.id(), list.communityId(), list.streetId(), list.year(), list.version(),
                                list.computedAt(), list.computedBy(), list.unitQuota(), list.needCount(), list.unitCount(),
                                list.objective(), list.solveMillis(), rows.getT1(), rows.getT2(), rows.getT3())));
    }

    public Mono<List<ProjectList.Summary>> versions(ProjectList.Area area, int year) {
        return db.sql("""
                        select l.id, l.version, l.computed_at, l.computed_by, l.objective,
                               (select count(*) from project_assignment a where a.project_list_id = l.id) as assignments,
                               (select count(*) from project_unmatched_need u where u.project_list_id = l.id) as unmatched,
                               (select count(*) from project_unit_shortfall s where s.project_list_id = l.id) as shortfalls
                        from project_list l where l.%s = :area and l.year = :y order by l.version desc"""
                        .formatted(areaColumn(area)))
                .bind("area", area.id()).bind("y", year)
                .map(row -> new ProjectList.Summary(row.get("id", UUID.class), row.get("version", Integer.class),
                        row.get("computed_at", OffsetDateTime.class).toInstant(), row.get("computed_by", String.class),
                        row.get("objective", Long.class), row.get("assignments", Long.class).intValue(),
                        row.get("unmatched", Long.class).intValue(), row.get("shortfalls", Long.class).intValue()))
                .all().collectList();
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              UUID value) {
        return value == null ? spec.bindNull(name, UUID.class) : spec.bind(name, value);
    }

    private static ProjectList header(Readable row) {
        return new ProjectList(row.get("id", UUID.class), row.get("community_id", UUID.class),
                row.get("street_id", UUID.class), row.get("year", Integer.class),
                row.get("version", Integer.class), row.get("computed_at", OffsetDateTime.class).toInstant(),
                row.get("computed_by", String.class),
                new ProjectList.UnitQuota(row.get("min_per_unit", Integer.class), row.get("max_per_unit", Integer.class)),
                row.get("need_count", Integer.class), row.get("unit_count", Integer.class),
                new ProjectList.Objective(row.get("objective", Long.class), row.get("assignment_cost", Long.class),
                        row.get("unmatched_penalty", Long.class), row.get("shortfall_penalty", Long.class)),
                row.get("solve_millis", Long.class), List.of(), List.of(), List.of());
    }
}
