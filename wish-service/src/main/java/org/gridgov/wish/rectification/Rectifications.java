package org.gridgov.wish.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.RectificationOpened;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.access.StaffAndAdmins;
import org.gridgov.wish.rectification.domain.Rectification;
import org.gridgov.wish.rectification.persistence.RectificationStore;
import org.gridgov.wish.wish.domain.Wish;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Opens a rectification when a closed wish is rated poorly, and lets the grid complete it. */
@Component
public class Rectifications {

    private final RectificationStore store;
    private final Outbox outbox;
    private final Jurisdictions jurisdictions;
    private final TransactionalOperator tx;
    private final Clock clock;

    Rectifications(RectificationStore store, Outbox outbox, Jurisdictions jurisdictions, TransactionalOperator tx,
                   Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.jurisdictions = jurisdictions;
        this.tx = tx;
        this.clock = clock;
    }

    /** Called in the transaction that closes the wish, so the rectification exists exactly when the low rating does. */
    public Mono<Void> openIfCalledFor(Wish closed, List<UUID> areaPath, Instant at) {
        if (!Rectification.isCalledFor(closed.rating())) {
            return Mono.empty();
        }
        Rectification opened = Rectification.open(UUID.randomUUID(), closed.id(), closed.placement().gridId(),
                closed.rating().orElseThrow(), closed.ratingComment(), at);
        return store.insert(opened, areaPath)
                .then(outbox.append(new RectificationOpened(closed.id(), opened.gridId(), opened.rating(), at, opened.id(),
                        closed.placement().communityId())))
                .then();
    }

    /** Grid staff or admins over the grid record the feedback and the summary; a second completion is a conflict. */
    public Mono<Rectification> complete(Caller caller, UUID id, String feedback, String summary) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.transactional(visible(caller, id).flatMap(stored -> {
            Rectification before = stored.rectification();
            Rectification after;
            try {
                after = before.complete(feedback, summary, caller.subject(), at);
            } catch (IllegalStateException e) {
                return Mono.error(ProblemException.conflict(e.getMessage()));
            }
            return store.update(after, before.version()).flatMap(updated -> updated
                    ? Mono.just(after)
                    : Mono.error(ProblemException.conflict(
                            "The rectification was changed by someone else; reload and retry.")));
        }));
    }

    /** The rectifications of the caller's jurisdiction, newest first; 403 for anyone but grid staff and admins. */
    public Mono<Page<Rectification>> list(Caller caller, Optional<UUID> grid, Optional<Rectification.Status> status,
                                          Optional<Cursor.TimeAndId> after, int limit) {
        UUID jurisdiction = StaffAndAdmins.requireJurisdiction(caller, "rectifications");
        return store.list(jurisdiction, grid, status, after, limit)
                .map(rows -> Page.of(rows, limit,
                        row -> new Cursor.TimeAndId(row.rectification().openedAt(), row.rectification().id()).encode(),
                        RectificationStore.Stored::rectification));
    }

    /** The rectification, if the caller is grid staff or an admin whose jurisdiction covers its grid; else 404. */
    public Mono<RectificationStore.Stored> visible(Caller caller, UUID id) {
        return store.find(id)
                .filterWhen(stored -> StaffAndAdmins.includes(caller)
                        ? jurisdictions.covers(caller, stored.rectification().gridId()) : Mono.just(false))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("rectification", id)));
    }
}
