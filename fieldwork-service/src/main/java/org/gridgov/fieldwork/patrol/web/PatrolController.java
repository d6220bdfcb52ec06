package org.gridgov.fieldwork.patrol.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.cases.domain.Severity;
import org.gridgov.fieldwork.patrol.PatrolQueries;
import org.gridgov.fieldwork.patrol.PatrolService;
import org.gridgov.fieldwork.patrol.domain.Patrol;
import org.gridgov.fieldwork.patrol.domain.PatrolStatus;
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

/** Patrols (巡查): started, checked in at places, findings reported as cases on the way, ended. */
@RestController
@RequestMapping(path = "/api/patrols", produces = "application/json")
record PatrolController(PatrolService service, PatrolQueries queries, Idempotency idempotency) {

    record PatrolView(UUID id, UUID gridId, UUID communityId, String staff, PatrolStatus status, Instant startedAt,
                      Instant endedAt, int checkIns, int findings, List<Patrol.CheckIn> places) {

        static PatrolView of(Patrol p, List<Patrol.CheckIn> places) {
            return new PatrolView(p.id(), p.gridId(), p.communityId(), p.staff(), p.status(), p.startedAt(), p.endedAt(),
                    p.checkIns(), p.findings(), places);
        }
    }

    record StartRequest(@NotNull UUID gridId) {
    }

    @PostMapping
    Mono<ResponseEntity<PatrolView>> startPatrol(@Valid @RequestBody StartRequest request,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                           @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/patrols " + request, PatrolView.class,
                () -> service.start(request.gridId(), caller).map(p -> PatrolView.of(p, List.of())),
                view -> "/api/patrols/" + view.id());
    }

    @GetMapping("/{id}")
    Mono<PatrolView> findPatrol(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller).flatMap(p -> service.checkIns(id).map(places -> PatrolView.of(p, places)));
    }

    /** Patrols of the grids below a node started between two days (inclusive), optionally by one staff member. */
    @GetMapping
    Mono<List<PatrolView>> listPatrols(@RequestParam UUID node, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                @RequestParam(required = false) @Size(max = 200) String staff,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                @AuthenticationPrincipal Caller caller) {
        return queries.under(node, from.atStartOfDay().toInstant(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), staff, limit, caller)
                .map(p -> PatrolView.of(p, List.of())).collectList();
    }

    record CheckInRequest(@NotBlank @Size(max = 200) String place, Instant at, Double lat,
                          @com.fasterxml.jackson.annotation.JsonProperty("long") Double longitude) {
    }

    @PostMapping("/{id}/check-ins")
    Mono<ResponseEntity<Patrol.CheckIn>> checkInOnPatrol(@PathVariable UUID id, @Valid @RequestBody CheckInRequest request,
                                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                 @AuthenticationPrincipal Caller caller) {
        return idempotency.once(key, caller, "POST /api/patrols/" + id + "/check-ins " + request, Patrol.CheckIn.class,
                () -> service.checkIn(id, request.place(), request.at(), request.lat(), request.longitude(), caller)
                        .map(checkIn -> ResponseEntity.status(201).body(checkIn)));
    }

    record FindingRequest(@NotBlank @Size(max = 4000) String description, @Size(max = 2000) String photoUrl,
                          UUID microGridId, Category category, Severity severity,
                          @Min(0) @Max(100000) Integer householdsAffected, @Min(0) @Max(100000) Integer shopsAffected) {
    }

    record FindingView(UUID caseId, UUID patrolId) {
    }

    /** A finding on the way becomes a case in one step (source PATROL, linked to the patrol). */
    @PostMapping("/{id}/findings")
    Mono<ResponseEntity<FindingView>> reportPatrolFinding(@PathVariable UUID id, @Valid @RequestBody FindingRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/patrols/" + id + "/findings " + request, FindingView.class,
                () -> service.report(id, new PatrolService.Finding(request.description(), request.photoUrl(),
                                request.microGridId(), request.category(), request.severity(), request.householdsAffected(),
                                request.shopsAffected()), caller)
                        .map(c -> new FindingView(c.id(), id)),
                view -> "/api/cases/" + view.caseId());
    }

    @PostMapping("/{id}/end")
    Mono<ResponseEntity<PatrolView>> endPatrol(@PathVariable UUID id,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                         @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/patrols/" + id + "/end", PatrolView.class,
                () -> service.end(id, caller).flatMap(p -> service.checkIns(id)
                        .map(places -> PatrolView.of(p, places))));
    }
}
