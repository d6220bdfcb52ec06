package org.gridgov.wish.need;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.NeedPublished;
import org.gridgov.contracts.events.NeedRecorded;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.access.StaffAndAdmins;
import org.gridgov.wish.need.domain.Need;
import org.gridgov.wish.need.persistence.NeedStore;
import org.gridgov.contracts.Category;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The needs list: grid staff (and admins above them) record the needs of their grids and publish
 * them for the yearly matching of needs to the member units' resources (项目清单).
 */
@Component
public record Needs(NeedStore store, GridTree tree, Jurisdictions jurisdictions, Outbox outbox,
                    TransactionalOperator tx, Clock clock) {

    public record NewNeed(UUID gridId, Category category, String title, Optional<String> description,
                          int householdsAffected, Need.Priority priority, Need.FoundBy foundBy, boolean publish) {
    }

    public Mono<NeedStore.Stored> record(Caller caller, NewNeed request) {
        Instant at = now();
        if (!StaffAndAdmins.includes(caller)) {
            return Mono.error(ProblemException.forbidden("Only grid staff and admins record needs."));
        }
        return jurisdictions.require(caller, request.gridId())
                .then(tree.find(request.gridId()).filter(node -> "GRID".equals(node.kind()) && !node.retired()))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-grid",
                        "gridId names no grid of the grid tree.")))
                .flatMap(grid -> tree.ancestorOfKind(grid.id(), "COMMUNITY").map(community -> {
                    List<UUID> areaPath = new ArrayList<>(grid.path());
                    areaPath.add(grid.id());
                    Need need = Need.record(UUID.randomUUID(), grid.id(), community.id(), request.category(),
                            request.title(), request.description(), request.householdsAffected(), request.priority(),
                            request.foundBy(), caller.subject(), at);
                    return new NeedStore.Stored(request.publish() ? need.publish(at) : need, List.copyOf(areaPath));
                }))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-grid",
                        "The grid lies in no community of the grid tree.")))
                .flatMap(stored -> tx.transactional(store.insert(stored.need(), stored.areaPath())
                        .then(outbox.append(recorded(stored.need(), at)))
                        .then(stored.need().status() == Need.Status.PUBLISHED
                                ? outbox.append(published(stored.need(), at)) : Mono.empty())
                        .thenReturn(stored)));
    }

    public Mono<NeedStore.Stored> publish(Caller caller, UUID id) {
        Instant at = now();
        return tx.transactional(visible(caller, id).flatMap(stored -> {
            Need published;
            try {
                published = stored.need().publish(at);
            } catch (IllegalStateException e) {
                return Mono.error(ProblemException.conflict(e.getMessage()));
            }
            return store.update(published, stored.need().version())
                    .flatMap(updated -> updated
                            ? outbox.append(published(published, at))
                                    .thenReturn(new NeedStore.Stored(published, stored.areaPath()))
                            : Mono.error(ProblemException.conflict("The need was changed by someone else; reload and retry.")));
        }));
    }

    public record Filter(Optional<UUID> grid, Optional<Need.Status> status, Optional<Category> category) {
    }

    /** The needs of the caller's jurisdiction, newest first; 403 for anyone but grid staff and admins. */
    public Mono<Page<NeedStore.Stored>> list(Caller caller, Filter filter, Optional<Cursor.TimeAndId> after, int limit) {
        UUID jurisdiction = StaffAndAdmins.requireJurisdiction(caller, "the needs list");
        return store.list(jurisdiction, filter.grid(), filter.status(), filter.category(), after, limit)
                .map(rows -> Page.of(rows, limit,
                        row -> new Cursor.TimeAndId(row.need().recordedAt(), row.need().id()).encode()));
    }

    /** The need, if the caller oversees its grid; else 404. */
    public Mono<NeedStore.Stored> visible(Caller caller, UUID id) {
        return store.find(id)
                .filterWhen(stored -> StaffAndAdmins.includes(caller)
                        ? jurisdictions.covers(caller, stored.need().gridId()) : Mono.just(false))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("need", id)));
    }

    private static NeedRecorded recorded(Need need, Instant at) {
        return new NeedRecorded(need.id(), need.category(), need.title(), need.gridId(), need.communityId(),
                need.householdsAffected(), need.priority().name(), need.foundBy().name(), at);
    }

    private static NeedPublished published(Need need, Instant at) {
        return new NeedPublished(need.id(), need.category(), need.title(), need.gridId(), need.communityId(),
                need.householdsAffected(), need.priority().name(), need.foundBy().name(), at);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
