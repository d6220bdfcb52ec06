package org.gridgov.fieldwork.department;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.fieldwork.department.domain.Department;
import org.gridgov.fieldwork.department.domain.Performance;
import org.gridgov.fieldwork.department.persistence.DepartmentStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 综合评价 per street: how the departments dealt with the cases of the street's communities referred to them in a
 * period, in all and per department — for the admins over the street.
 */
@Service
public record StreetEvaluation(DepartmentStore departments, GridTree gridTree, Jurisdictions jurisdictions) {

    public record DepartmentFigures(UUID departmentId, String name, Performance performance) {
    }

    public record StreetPerformance(UUID streetId, Instant from, Instant to, Performance total,
                                    List<DepartmentFigures> departments) {
    }

    public Mono<StreetPerformance> of(UUID streetId, Instant from, Instant to, Caller caller) {
        if (!caller.isAdmin()) {
            return Mono.error(Refusal.forbidden("The admins over the street read its evaluation."));
        }
        if (!to.isAfter(from)) {
            return Mono.error(Refusal.invalidField("to", "The period ends after it starts."));
        }
        return gridTree.find(streetId).filter(node -> "STREET".equals(node.kind()))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("street", streetId)))
                .flatMap(street -> jurisdictions.covers(caller, streetId))
                .flatMap(covers -> covers ? departments.streetReferrals(streetId, from, to).collectList()
                        : Mono.error(Refusal.forbidden("This street is outside your jurisdiction.")))
                .flatMap(referrals -> departments.all().collectMap(Department::id, Department::name).map(names -> {
                    Map<UUID, List<Performance.Referral>> byDepartment = referrals.stream().collect(Collectors.groupingBy(
                            DepartmentStore.StreetReferral::departmentId, Collectors.mapping(
                                    DepartmentStore.StreetReferral::referral, Collectors.toList())));
                    List<DepartmentFigures> figures = byDepartment.entrySet().stream()
                            .map(e -> new DepartmentFigures(e.getKey(), names.get(e.getKey()), Performance.of(e.getValue())))
                            .sorted(Comparator.comparing(DepartmentFigures::name)).toList();
                    return new StreetPerformance(streetId, from, to, Performance.of(referrals.stream()
                            .map(DepartmentStore.StreetReferral::referral).toList()), figures);
                }));
    }
}
