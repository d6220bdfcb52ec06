package org.gridgov.fieldwork.department;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.contracts.events.DepartmentRegistered;
import org.gridgov.fieldwork.department.domain.Department;
import org.gridgov.fieldwork.department.domain.Performance;
import org.gridgov.fieldwork.department.persistence.DepartmentStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The district registers its functional departments; admins and each department read how it performs. */
@Service
public record DepartmentService(DepartmentStore departments, GridTree gridTree, Outbox outbox, Clock clock) {

    public Mono<Department> register(String name, List<Category> categories, List<UUID> streetIds, Caller caller) {
        if (!caller.has(Role.DISTRICT_ADMIN)) {
            return Mono.error(Refusal.forbidden("Only the district's admins register functional departments."));
        }
        List<UUID> streets = streetIds == null ? List.of() : streetIds;
        return Flux.range(0, streets.size())
                .concatMap(i -> gridTree.find(streets.get(i)).filter(node -> "STREET".equals(node.kind()))
                        .switchIfEmpty(Mono.error(() -> Refusal.invalidField("streetIds[" + i + "]",
                                "No street " + streets.get(i) + "."))))
                .then(Mono.fromCallable(() -> new Department(UUID.randomUUID(), name, categories, streets, now())))
                .flatMap(department -> departments.insert(department).flatMap(inserted -> inserted
                        ? outbox.append(new DepartmentRegistered(department.id(), department.name(),
                                department.categories(), department.streetIds(), department.createdAt()))
                                .thenReturn(department)
                        : Mono.error(Refusal.conflict("A department named " + department.name() + " exists already."))));
    }

    public Flux<Department> all() {
        return departments.all();
    }

    public Mono<Department> find(UUID id) {
        return departments.find(id).switchIfEmpty(Mono.error(() -> Refusal.notFound("department", id)));
    }

    /** 综合评价 of the cases referred to the department in [from, to): for admins and the department itself. */
    public Mono<Performance> performance(UUID id, Instant from, Instant to, Caller caller) {
        boolean own = caller.has(Role.DEPARTMENT) && caller.departmentId().filter(id::equals).isPresent();
        if (!own && !caller.isAdmin()) {
            return Mono.error(Refusal.forbidden("Admins and the department itself read its performance."));
        }
        if (!to.isAfter(from)) {
            return Mono.error(Refusal.invalidField("to", "The period ends after it starts."));
        }
        return find(id).then(departments.referrals(id, from, to).collectList()).map(Performance::of);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
