package org.gridgov.fieldwork.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.contracts.events.VisitFindingRaised;
import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.visit.domain.Visit;
import org.gridgov.fieldwork.visit.persistence.VisitStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A visit's finding becomes a need of the grid's needs list (需求清单) in one command: the link is kept here and the
 * need's id chosen here, and wish-service records the need under that id from the event — once, however often it
 * arrives. The visitor and the staff and admins over the household's micro-grid raise it; anyone else gets 404.
 */
@Service
public record FindingNeeds(VisitStore visits, FieldAccess access, Outbox outbox, Clock clock) {

    public record Raised(UUID visitId, int finding, UUID needId) {
    }

    public Mono<Raised> raise(UUID visitId, int finding, Category category, String title, Integer householdsAffected,
                              Caller caller) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return visits.find(visitId)
                .filterWhen(visit -> visit.staff().equals(caller.subject()) ? Mono.just(true)
                        : access.isStaffOver(caller, visit.microGridId()))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("visit", visitId)))
                .flatMap(visit -> {
                    String found = visit.finding(finding);
                    String needTitle = title == null || title.isBlank() ? found : title.strip();
                    UUID needId = UUID.randomUUID();
                    return access.gridOf(visit.microGridId())
                            .switchIfEmpty(Mono.error(() -> Refusal.conflict("The visit's micro-grid lies in no grid.")))
                            .flatMap(grid -> visits.linkNeed(visitId, finding, needId, caller.subject(), at)
                                    .flatMap(linked -> linked ? outbox.append(new VisitFindingRaised(visitId, finding, needId,
                                                    grid, visit.communityId(), category, needTitle,
                                                    householdsAffected == null ? 1 : householdsAffected, caller.subject(), at))
                                                    .thenReturn(new Raised(visitId, finding, needId))
                                            : Mono.error(Refusal.conflict("FINDING_RAISED",
                                                    "This finding is a need of the needs list already."))));
                });
    }

    /** The visit, as its visitor and the staff over it see it, with the needs its findings became. */
    public Mono<Visit> visible(UUID visitId, Caller caller) {
        return visits.find(visitId)
                .filterWhen(visit -> visit.staff().equals(caller.subject()) ? Mono.just(true)
                        : access.isStaffOver(caller, visit.microGridId()))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("visit", visitId)));
    }

    public Mono<Map<Integer, UUID>> needsOf(UUID visitId) {
        return visits.needsOf(visitId).collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
