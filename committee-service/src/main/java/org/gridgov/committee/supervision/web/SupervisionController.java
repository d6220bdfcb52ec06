package org.gridgov.committee.supervision.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gridgov.committee.access.CommunityAccess;
import org.gridgov.committee.supervision.domain.Overdue;
import org.gridgov.committee.supervision.persistence.SupervisionStore;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 督办: what is late in a community, by how much, and who was told when. */
@RestController
class SupervisionController {

    private final SupervisionStore store;
    private final CommunityAccess access;
    private final Clock clock;

    SupervisionController(SupervisionStore store, CommunityAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    record LateView(UUID projectId, String projectTitle, UUID unitId, String milestone, LocalDate dueDate, int daysLate,
                    Instant remindedAt, Instant escalatedAt) {
    }

    @GetMapping("/api/projects/supervision")
    Mono<List<LateView>> late(@RequestParam UUID community, @AuthenticationPrincipal Caller caller) {
        Instant now = clock.instant();
        return access.canRead(caller, community).flatMap(allowed -> allowed
                ? store.lateIn(community, now).map(late -> new LateView(late.projectId(), late.projectTitle(),
                        late.unitId(), late.title(), late.dueDate(), Overdue.daysLate(late.dueDate(), now),
                        late.remindedAt(), late.escalatedAt())).collectList()
                : Mono.error(ProblemException.forbidden("Only those in this community read its supervision list.")));
    }
}
