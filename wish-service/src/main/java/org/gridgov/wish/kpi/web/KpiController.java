package org.gridgov.wish.kpi.web;

import java.time.Duration;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.kit.security.Caller;
import org.gridgov.wish.kpi.KpiQueries;
import org.gridgov.wish.kpi.domain.Kpis;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Fulfilment KPIs of a grid-tree node, or of a member unit, over the wishes submitted in a period. */
@RestController
@RequestMapping(path = "/api/kpis", produces = "application/json")
@Tag(name = "KPIs", description = "How well a grid, community or unit serves residents' wishes")
record KpiController(KpiQueries queries) {

    /** Median time of each step, as ISO-8601 durations; null where no wish went through the step. */
    record MedianTimes(String submitToDispatch, String dispatchToClaim, String claimToFulfil, String fulfilToClose) {
    }

    record KpiView(UUID node, UUID unit, Instant from, Instant to, long submitted, long dispatched, long claimed,
                   long closed, long closedOnTime, long overdueOpen, long rated, long reopened, long urges,
                   BigDecimal fulfilmentRate, BigDecimal onTimeRate, BigDecimal averageRating, BigDecimal satisfaction,
                   BigDecimal reopenRate, MedianTimes medianTimes) {

        static KpiView of(Optional<UUID> node, Optional<UUID> unit, Instant from, Instant to, Kpis k) {
            return new KpiView(node.orElse(null), unit.orElse(null), from, to, k.tally().submitted(),
                    k.tally().dispatched(), k.tally().claimed(), k.tally().closed(), k.tally().closedOnTime(),
                    k.tally().overdueOpen(), k.tally().rated(), k.pushBack().reopened(), k.pushBack().urges(),
                    k.fulfilmentRate().orElse(null), k.onTimeRate().orElse(null), k.averageRating().orElse(null),
                    k.satisfaction().orElse(null), k.reopenRate().orElse(null),
                    new MedianTimes(iso(k.medians().submitToDispatch()), iso(k.medians().dispatchToClaim()),
                            iso(k.medians().claimToFulfil()), iso(k.medians().fulfilToClose())));
        }

        private static String iso(Optional<Duration> duration) {
            return duration.map(Duration::toString).orElse(null);
        }
    }

    @GetMapping
    @Operation(operationId = "getKpis",
            summary = "KPIs of a node (staff, admins and apps granted kpis:read within their jurisdiction) or of a unit (the unit itself,"
            + " or admins for the wishes in their jurisdiction); the period defaults to the last 365 days")
    Mono<KpiView> kpis(@RequestParam Optional<UUID> node, @RequestParam Optional<UUID> unit,
                       @RequestParam Optional<Instant> from, @RequestParam Optional<Instant> to,
                       @AuthenticationPrincipal Caller caller) {
        return queries.of(caller, node, unit, from, to)
                .map(found -> KpiView.of(node, unit, found.from(), found.to(), found.kpis()));
    }
}
