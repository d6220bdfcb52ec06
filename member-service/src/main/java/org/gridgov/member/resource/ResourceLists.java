package org.gridgov.member.resource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.Event;
import org.gridgov.contracts.events.ResourceListPublished;
import org.gridgov.contracts.events.ResourceListRevised;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.member.resource.domain.Period;
import org.gridgov.member.resource.domain.ResourceItem;
import org.gridgov.member.resource.domain.ResourceListRevision;
import org.gridgov.member.resource.persistence.ResourceListStore;
import org.gridgov.member.unit.Units;
import org.gridgov.member.unit.domain.MemberUnit;
import org.gridgov.member.access.Access;
import org.gridgov.member.access.GridPlaces;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Units' resource lists (资源清单): every submission is a new immutable version, and the capacity
 * of each item is used up by the wishes the unit claims and the projects it signs for.
 */
@Service
public record ResourceLists(ResourceListStore lists, Units units, GridPlaces places, Access access, Outbox outbox,
                            Clock clock) {

    /** A version with its items, and for the latest version how much of each is used. */
    public record ListVersion(ResourceListStore.Version version, boolean latest, List<ResourceItem> items,
                              Map<UUID, Integer> used) {
    }

    /**
     * The unit (or an admin over one of its communities) submits its list for a period; it becomes
     * the next version. The first list of a year is announced as published, later ones as revised.
     */
    public Mono<ListVersion> submit(UUID unitId, Period period, List<ResourceListRevision.Draft> drafts, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return units.actingFor(unitId, caller)
                .flatMap(unit -> requireAreasIn(unit, drafts))
                .then(lists.hasListInYear(unitId, period.year()))
                .flatMap(revisingTheYear -> lists.lockLatest(unitId, period).defaultIfEmpty(0)
                        .flatMap(latest -> nextItems(unitId, period, latest, drafts)
                                .flatMap(items -> lists.insertVersion(unitId, period, latest + 1, items, now, caller.subject())
                                        .then(outbox.append(announced(revisingTheYear, unitId, period, latest + 1, items, now))))
                                .then(find(unitId, period, Optional.of(latest + 1)))));
    }

    private Mono<List<ResourceItem>> nextItems(UUID unitId, Period period, int latest,
                                               List<ResourceListRevision.Draft> drafts) {
        Mono<List<ResourceItem>> previous = latest == 0 ? Mono.just(List.of()) : lists.items(unitId, period, latest);
        return Mono.zip(previous, lists.used(unitId, period))
                .map(current -> ResourceListRevision.next(current.getT1(), drafts, current.getT2(), UUID::randomUUID));
    }

    private Mono<Void> requireAreasIn(MemberUnit unit, List<ResourceListRevision.Draft> drafts) {
        return Flux.fromIterable(drafts).flatMapIterable(ResourceListRevision.Draft::area).distinct()
                .concatMap(node -> places.find(node)
                        .filter(found -> unit.communityIds().stream().anyMatch(found::isWithin))
                        .switchIfEmpty(Mono.error(() -> Refusal.invalid("Area " + node
                                + " is not a place in the communities this unit belongs to."))))
                .then();
    }

    /** A version of the list (the latest when none is named). */
    public Mono<ListVersion> find(UUID unitId, Period period, Optional<Integer> version) {
        return lists.version(unitId, period, version.orElse(null))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("resource list version",
                        unitId + "/" + period + version.map(v -> "/" + v).orElse(""))))
                .flatMap(found -> Mono.zip(lists.items(unitId, period, found.version()),
                                lists.version(unitId, period, null), lists.used(unitId, period))
                        .map(all -> {
                            boolean latest = all.getT2().version() == found.version();
                            return new ListVersion(found, latest, all.getT1(), latest ? all.getT3() : Map.of());
                        }));
    }

    public Flux<ResourceListStore.Version> versions(UUID unitId, Period period) {
        return units.find(unitId).thenMany(lists.versions(unitId, period));
    }

    /** The capacity an item has left, after what the project takes. */
    public record Allocation(UUID itemId, UUID projectId, int quantity, int remaining) {
    }

    /**
     * An admin over the unit's communities gives a project (项目) the unit signed an item of its latest
     * list. The project must be one whose agreement the unit signed (committee.events): capacity is
     * never booked to a project nobody knows, or to another unit's.
     */
    public Mono<Allocation> allocate(UUID unitId, Period period, UUID itemId, UUID projectId, int quantity, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return units.find(unitId)
                .filterWhen(unit -> access.isAdminOverAny(caller, unit.communityIds()))
                .switchIfEmpty(Mono.error(Access::adminsOnly))
                .then(lists.signedBy(unitId, projectId))
                .flatMap(signed -> signed ? Mono.<Void>empty()
                        : Mono.error(ProblemException.unknownReferences(List.of(new FieldError("projectId",
                                "names no project whose agreement this unit has signed")))))
                .then(lists.lockLatest(unitId, period))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("resource list", unitId + "/" + period)))
                .flatMap(version -> Mono.zip(lists.items(unitId, period, version), lists.used(unitId, period)))
                .flatMap(current -> {
                    ResourceItem item = current.getT1().stream().filter(candidate -> candidate.itemId().equals(itemId))
                            .findFirst().orElseThrow(() -> ProblemException.notFound("resource", itemId));
                    int remaining = item.capacity() - current.getT2().getOrDefault(itemId, 0);
                    if (quantity > remaining) {
                        return Mono.error(Refusal.conflict("CAPACITY_EXHAUSTED",
                                "\"" + item.title() + "\" has " + remaining + " left this period."));
                    }
                    return lists.use(unitId, period, itemId, "PROJECT", projectId, quantity, now)
                            .flatMap(used -> used ? Mono.just(new Allocation(itemId, projectId, quantity, remaining - quantity))
                                    : Mono.error(Refusal.conflict("ALREADY_ALLOCATED",
                                            "This project already uses this resource.")));
                });
    }

    /**
     * A unit claimed a wish: one item of its list that applies on the claim date, of the wish's
     * category and serving its grid, gives one of its capacity. A claim nothing on the list
     * covers uses nothing; the claim itself is the wish-service's business.
     */
    public Mono<Void> useForWish(UUID wishId, UUID unitId, Instant claimedAt) {
        LocalDate day = LocalDate.ofInstant(claimedAt, ZoneOffset.UTC);
        return lists.wish(wishId)
                .flatMap(wish -> listApplyingOn(unitId, day)
                        .flatMap(list -> useOneItem(list.getKey(), list.getValue(), wish, unitId, claimedAt)))
                .then();
    }

    /** The period and latest version of the unit's list that applies on the day, locked for the use. */
    private Mono<Map.Entry<Period, Integer>> listApplyingOn(UUID unitId, LocalDate day) {
        return Flux.fromIterable(Period.applicableOn(day))
                .concatMap(period -> lists.lockLatest(unitId, period).map(version -> Map.entry(period, version)))
                .next();
    }

    private Mono<Boolean> useOneItem(Period period, int version, ResourceListStore.Wish wish, UUID unitId,
                                     Instant at) {
        return Mono.zip(lists.items(unitId, period, version), lists.used(unitId, period),
                        places.selfAndAncestors(wish.gridId()))
                .flatMap(current -> Mono.justOrEmpty(ResourceListRevision.itemForWish(current.getT1(), wish.category(),
                        current.getT3(), remaining(current.getT1(), current.getT2()))))
                .flatMap(item -> lists.use(unitId, period, item.itemId(), "WISH", wish.wishId(), 1, at));
    }

    private static Map<UUID, Integer> remaining(List<ResourceItem> items, Map<UUID, Integer> used) {
        Map<UUID, Integer> remaining = new LinkedHashMap<>();
        items.forEach(item -> remaining.put(item.itemId(), item.capacity() - used.getOrDefault(item.itemId(), 0)));
        return remaining;
    }

    public Mono<Void> releaseWish(UUID wishId) {
        return lists.releaseWish(wishId);
    }

    public Mono<Void> rememberWishes(List<ResourceListStore.Wish> wishes) {
        return lists.rememberWishes(wishes);
    }

    /** Whether wish-service has announced this wish (every submitted wish is remembered here). */
    public Mono<Boolean> knowsWish(UUID wishId) {
        return lists.wish(wishId).hasElement();
    }

    /** The first list of a year is published, later ones of the year revise it. */
    private static Event announced(boolean revisingTheYear, UUID unitId, Period period, int version,
                                   List<ResourceItem> items, Instant at) {
        List<org.gridgov.contracts.events.ResourceItem> offered = items.stream()
                .map(item -> new org.gridgov.contracts.events.ResourceItem(item.itemId(), item.category(), item.title(),
                        item.capacity(), item.area()))
                .toList();
        return revisingTheYear
                ? new ResourceListRevised(unitId, period.toString(), version, offered, at)
                : new ResourceListPublished(unitId, period.toString(), version, offered, at);
    }
}
