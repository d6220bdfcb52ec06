package org.gridgov.wish.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.access.StaffAndAdmins;
import org.gridgov.wish.kpi.domain.Kpis;
import org.gridgov.wish.kpi.persistence.KpiStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Who sees which KPIs: a node's for grid staff, admins and apps granted {@code kpis:read} within their
 * jurisdiction; a unit's for the unit itself, or for admins over the wishes in their jurisdiction.
 */
@Service
public record KpiQueries(KpiStore store, Jurisdictions jurisdictions, Clock clock) {

    /** The scope of a client app (a district dashboard) that reads KPIs; apps-service grants it. */
    public static final String KPIS_READ = "kpis:read";

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(365);

    /** The KPIs of a period: by default the last 365 days. */
    public record Found(Instant from, Instant to, Kpis kpis) {
    }

    /** The KPIs of either a node or a unit, from {@code from} to {@code to}. */
    public Mono<Found> of(Caller caller, Optional<UUID> node, Optional<UUID> unit, Optional<Instant> from,
                          Optional<Instant> to) {
        if (node.isPresent() == unit.isPresent()) {
            throw ProblemException.invalid("Give either node or unit.");
        }
        Instant now = clock.instant();
        Instant until = to.orElse(now);
        Instant since = from.orElse(until.minus(DEFAULT_PERIOD));
        if (!since.isBefore(until)) {
            throw ProblemException.invalid("from must lie before to.");
        }
        Mono<Optional<UUID>> area;
        if (node.isPresent()) {
            // a client app granted kpis:read (a district dashboard) sees them within its jurisdiction too
            boolean dashboard = caller.has(Role.CLIENT) && caller.hasScope(KPIS_READ);
            area = StaffAndAdmins.includes(caller) || dashboard
                    ? jurisdictions.require(caller, node.get()).thenReturn(node)
                    : Mono.error(ProblemException.forbidden("Only grid staff, admins and apps granted "
                            + KPIS_READ + " see the KPIs of an area."));
        } else if (caller.has(Role.UNIT) && caller.unitId().equals(unit)) {
            area = Mono.just(Optional.empty());
        } else {
            // an admin sees a unit's work only where the admin's jurisdiction reaches
            area = Mono.just(Optional.of(StaffAndAdmins.requireJurisdiction(caller, "the KPIs of a unit")));
        }
        return area.flatMap(within -> store.forArea(within, unit, since, until, now))
                .map(kpis -> new Found(since, until, kpis));
    }
}
