package org.gridgov.fieldwork.department.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.gridgov.fieldwork.department.StreetEvaluation;
import org.gridgov.kit.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 综合评价 per street: the departments' handling of the street's cases, in all and per department. */
@RestController
@RequestMapping(path = "/api/streets", produces = "application/json")
record StreetPerformanceController(StreetEvaluation evaluation) {

    /** The cases of the street referred between two days (inclusive). */
    @GetMapping("/{id}/performance")
    Mono<StreetEvaluation.StreetPerformance> streetPerformance(@PathVariable UUID id, @RequestParam LocalDate from,
                                                               @RequestParam LocalDate to,
                                                               @AuthenticationPrincipal Caller caller) {
        return evaluation.of(id, from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), caller);
    }
}
