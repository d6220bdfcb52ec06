package org.gridgov.fieldwork.department.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.department.DepartmentService;
import org.gridgov.fieldwork.department.domain.Department;
import org.gridgov.fieldwork.department.domain.Performance;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Functional departments (职能部门): registered by the district, read by everyone who refers or takes cases. */
@RestController
@RequestMapping(path = "/api/departments", produces = "application/json")
record DepartmentController(DepartmentService service, Idempotency idempotency) {

    record RegisterRequest(@NotBlank @Size(max = 200) String name,
                           @NotEmpty @Size(max = 13) List<@NotNull Category> categories,
                           @Size(max = 100) List<@NotNull UUID> streetIds) {
    }

    record DepartmentView(UUID id, String name, List<Category> categories, List<UUID> streetIds, Instant createdAt) {

        static DepartmentView of(Department d) {
            return new DepartmentView(d.id(), d.name(), d.categories(), d.streetIds(), d.createdAt());
        }
    }

    @PostMapping
    Mono<ResponseEntity<DepartmentView>> registerDepartment(@Valid @RequestBody RegisterRequest request,
                                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                  @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/departments " + request, DepartmentView.class,
                () -> service.register(request.name(), request.categories(), request.streetIds(), caller)
                        .map(DepartmentView::of),
                view -> "/api/departments/" + view.id());
    }

    @GetMapping
    Mono<List<DepartmentView>> listDepartments() {
        return service.all().map(DepartmentView::of).collectList();
    }

    @GetMapping("/{id}")
    Mono<DepartmentView> findDepartment(@PathVariable UUID id) {
        return service.find(id).map(DepartmentView::of);
    }

    record PerformanceView(UUID departmentId, LocalDate from, LocalDate to, Performance figures) {
    }

    /** 综合评价 of the cases referred in [from, to] (whole days, UTC). */
    @GetMapping("/{id}/performance")
    Mono<PerformanceView> departmentPerformance(@PathVariable UUID id, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                      @AuthenticationPrincipal Caller caller) {
        return service.performance(id, from.atStartOfDay().toInstant(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), caller)
                .map(figures -> new PerformanceView(id, from, to, figures));
    }
}
