package org.gridgov.fieldwork.department.persistence;

import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.department.domain.Department;
import org.gridgov.fieldwork.department.domain.Performance;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The functional departments, and the cases referred to each as performance counts them. */
@Component
public record DepartmentStore(DatabaseClient db) {

    /** Inserts the department; false when one of that name exists already. */
    public Mono<Boolean> insert(Department department) {
        return db.sql("""
                        insert into department (id, name, categories, street_ids, created_at)
                        values (:id, :name, :categories, :streets, :at) on conflict (name) do nothing""")
                .bind("id", department.id()).bind("name", department.name())
                .bind("categories", department.categories().stream().map(Enum::name).toArray(String[]::new))
                .bind("streets", department.streetIds().toArray(UUID[]::new))
                .bind("at", utc(department.createdAt()))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Department> find(UUID id) {
        return db.sql("select * from department where id = :id").bind("id", id).map(DepartmentStore::department).one();
    }

    public Flux<Department> all() {
        return db.sql("select * from department order by name").map(DepartmentStore::department).all();
    }

    /** The cases referred to the department in [from, to). */
    public Flux<Performance.Referral> referrals(UUID departmentId, Instant from, Instant to) {
        return db.sql("""
                        select referred_at, acknowledged_at, acknowledged_on_time, first_handled_at, handled_on_time,
                               closed_at, rework_count
                        from field_case where department_id = :department and referred_at >= :from and referred_at < :to""")
                .bind("department", departmentId).bind("from", utc(from)).bind("to", utc(to))
                .map(DepartmentStore::referral)
                .all();
    }

    /** A case of a street referred to a department. */
    public record StreetReferral(UUID departmentId, Performance.Referral referral) {
    }

    /** The cases of the street's communities referred to a department in [from, to). */
    public Flux<StreetReferral> streetReferrals(UUID streetId, Instant from, Instant to) {
        return db.sql("""
                        select department_id, referred_at, acknowledged_at, acknowledged_on_time, first_handled_at,
                               handled_on_time, closed_at, rework_count
                        from field_case where street_id = :street and department_id is not null
                          and referred_at >= :from and referred_at < :to""")
                .bind("street", streetId).bind("from", utc(from)).bind("to", utc(to))
                .map(row -> new StreetReferral(row.get("department_id", UUID.class), referral(row)))
                .all();
    }

    private static Performance.Referral referral(Readable row) {
        return new Performance.Referral(at(row, "referred_at"), at(row, "acknowledged_at"),
                row.get("acknowledged_on_time", Boolean.class), at(row, "first_handled_at"),
                row.get("handled_on_time", Boolean.class), at(row, "closed_at"), row.get("rework_count", Integer.class));
    }

    private static Instant at(Readable row, String column) {
        return Sql.instant(row, column).orElse(null);
    }

    private static Department department(Readable row) {
        List<Category> categories = Arrays.stream(row.get("categories", String[].class)).map(Category::valueOf).toList();
        return new Department(row.get("id", UUID.class), row.get("name", String.class), categories,
                Sql.uuids(row, "street_ids"), row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
