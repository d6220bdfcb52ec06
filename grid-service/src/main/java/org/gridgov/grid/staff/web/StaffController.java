package org.gridgov.grid.staff.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gridgov.grid.staff.StaffService;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.staff.domain.StaffTerm;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/grid/nodes/{id}/staff", produces = MediaType.APPLICATION_JSON_VALUE)
record StaffController(StaffService service, Idempotency idempotency) {

    record AssignStaff(UUID personId, UUID memberId, @NotBlank @Size(max = 100) String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StaffTermView(UUID nodeId, String role, UUID personId, UUID memberId, String name, Instant from, Instant until) {

        static StaffTermView of(StaffTerm term) {
            StaffAssignment holder = term.assignment();
            return new StaffTermView(holder.nodeId(), holder.role().name(), holder.personId(), holder.memberId(),
                    holder.name(), term.from(), term.until().orElse(null));
        }
    }

    @PutMapping(path = "/{role}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "assignStaffRole",
            summary = "Give a role (一长六员 in a grid, MICRO_GRID_CHIEF in a micro-grid) to one person",
            description = "Ends the previous holder's term; the same holder again changes nothing.")
    Mono<ResponseEntity<StaffTermView>> assign(@PathVariable UUID id, @PathVariable String role,
                                               @Valid @RequestBody AssignStaff body, @AuthenticationPrincipal Caller caller,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.ok(key, caller, "PUT /api/grid/nodes/" + id + "/staff/" + role + "\n" + body,
                StaffTermView.class,
                () -> service.assign(id, role, new StaffService.Person(body.personId(), body.memberId(), body.name()), caller)
                        .flatMap(service::term)
                        .map(StaffTermView::of));
    }

    @DeleteMapping("/{role}")
    @Operation(operationId = "endStaffTerm", summary = "End the current holder's term of a role")
    Mono<ResponseEntity<Void>> unassign(@PathVariable UUID id, @PathVariable String role,
                                        @AuthenticationPrincipal Caller caller,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.once(key, caller, "DELETE /api/grid/nodes/" + id + "/staff/" + role, Void.class,
                () -> service.unassign(id, role, caller).thenReturn(ResponseEntity.noContent().build()));
    }

    @GetMapping
    @Operation(operationId = "listStaffTerms",
            summary = "Every term served at the node, current ones without 'until', newest first")
    Mono<List<StaffTermView>> history(@PathVariable UUID id) {
        return service.history(id).map(StaffTermView::of).collectList();
    }
}
