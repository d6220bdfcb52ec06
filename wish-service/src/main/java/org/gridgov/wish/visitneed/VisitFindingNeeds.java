package org.gridgov.wish.visitneed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.NeedRecorded;
import org.gridgov.contracts.events.VisitFindingRaised;
import org.gridgov.kit.events.PoisonEventException;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.wish.need.domain.Need;
import org.gridgov.wish.need.persistence.NeedStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records the needs grid staff raised from their visits' findings in fieldwork-service
 * ({@code org.gridgov.visit.finding-raised.v1}) on the grid's needs list, under the id fieldwork-service chose — the
 * link back to the visit is in its description — and announces them like any recorded need. A need recorded already
 * is left alone, so a redelivered event records nothing twice (besides the kit's inbox).
 */
@Component
record VisitFindingNeeds(NeedStore store, GridTree tree, Outbox outbox) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("visit-finding-needs")
                .on(VisitFindingRaised.class, this::raised);
    }

    private Mono<Void> raised(VisitFindingRaised raised) {
        return store.find(raised.needId()).hasElement().flatMap(known -> known ? Mono.<Void>empty()
                : tree.find(raised.gridId())
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("grid " + raised.gridId() + " not known yet")))
                        .flatMap(grid -> {
                            List<UUID> areaPath = new ArrayList<>(grid.path());
                            areaPath.add(grid.id());
                            Need need;
                            try {
                                need = Need.record(raised.needId(), raised.gridId(), raised.communityId(), raised.category(),
                                        raised.title(), Optional.of("走访发现：visit " + raised.visitId() + " #" + raised.finding()),
                                        raised.householdsAffected(), Need.Priority.NORMAL, Need.FoundBy.ASK, raised.raisedBy(),
                                        raised.occurredAt());
                            } catch (IllegalArgumentException e) {
                                return Mono.error(new PoisonEventException(e.getMessage()));
                            }
                            return store.insert(need, areaPath).then(outbox.append(new NeedRecorded(need.id(),
                                    need.category(), need.title(), need.gridId(), need.communityId(),
                                    need.householdsAffected(), need.priority().name(), need.foundBy().name(),
                                    raised.occurredAt())));
                        })).then();
    }
}
