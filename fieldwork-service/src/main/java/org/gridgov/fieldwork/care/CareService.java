package org.gridgov.fieldwork.care;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.contracts.Category;
import org.gridgov.contracts.events.CareContactRecorded;
import org.gridgov.contracts.events.CareRecipientRegistered;
import org.gridgov.contracts.events.CareWishRaised;
import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.care.domain.CareContact;
import org.gridgov.fieldwork.care.domain.CareGroup;
import org.gridgov.fieldwork.care.domain.CareRecipient;
import org.gridgov.fieldwork.care.domain.CareWeek;
import org.gridgov.fieldwork.care.domain.CareWish;
import org.gridgov.fieldwork.care.persistence.CareStore;
import org.gridgov.fieldwork.visit.persistence.VisitStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Care for special groups (四个一): the grid's staff put a household in care with its carers; the carers record each
 * day's care, the weekly home visit, the month's deed and the year's wish. Who the household is and what was done is
 * seen only by the grid's staff, the carers and the admins over it (the admins with the notes masked); anyone else
 * is told it does not exist.
 */
@Service
public record CareService(CareStore store, VisitStore households, FieldAccess access, Outbox outbox, Clock clock) {

    /** How much of a recipient the caller sees: the notes in clear (the grid's staff, the carers) or masked (admins). */
    public enum Sight { CLEAR, MASKED }

    public record Seen(CareRecipient recipient, Sight sight) {
    }

    public Mono<CareRecipient> register(UUID householdId, List<CareGroup> groups, List<String> carers, Caller caller) {
        return households.microGridOf(householdId)
                .switchIfEmpty(Mono.error(() -> Refusal.invalidField("householdId", "No household " + householdId + ".")))
                .flatMap(microGrid -> access.place(microGrid, "householdId"))
                .flatMap(place -> access.isStaffOver(caller, place.nodeId())
                        .flatMap(over -> over ? Mono.just(place) : Mono.error(Refusal.forbidden(
                                "The grid's staff and the admins over it put its households in care."))))
                .map(place -> CareRecipient.register(householdId, place.nodeId(), place.communityId(), groups, carers,
                        caller.subject(), now()))
                .flatMap(recipient -> store.insert(recipient).flatMap(inserted -> inserted
                        ? outbox.append(new CareRecipientRegistered(recipient.id(), recipient.householdId(),
                                recipient.microGridId(), recipient.communityId(), recipient.carers(),
                                recipient.registeredAt())).thenReturn(recipient)
                        : Mono.error(Refusal.conflict("The household is in care already."))));
    }

    /** The recipient as the caller may see it; 404 for anyone who may not. */
    public Mono<Seen> find(UUID id, Caller caller) {
        return store.find(id).flatMap(recipient -> sight(recipient, caller).map(sight -> new Seen(recipient, sight)))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("care recipient", id)));
    }

    /** The recipient's contacts of the last {@code days} days, newest first. */
    public Flux<CareContact> contacts(UUID id, int days, int limit) {
        Instant now = now();
        return store.contacts(id, now.minus(days, ChronoUnit.DAYS), now.plusSeconds(1), limit);
    }

    /** Below a node: the staff and admins over it; without one: the recipients the caller cares for. */
    public Flux<Seen> list(UUID node, int limit, Caller caller) {
        if (node == null) {
            List<String> ids = new ArrayList<>(List.of(caller.subject()));
            caller.memberId().ifPresent(member -> ids.add(member.toString()));
            return store.caredForBy(ids, limit).map(recipient -> new Seen(recipient, Sight.CLEAR));
        }
        return access.isStaffOver(caller, node).flatMapMany(over -> over
                ? store.under(node, limit).concatMap(recipient -> sight(recipient, caller)
                        .map(sight -> new Seen(recipient, sight)))
                : Flux.error(Refusal.forbidden("This node is outside your jurisdiction.")));
    }

    /** The yearly wish as the carer writes it for the grid's dispatch board. */
    public record WishText(Category category, String title) {
    }

    /** A recorded contact and, for the year's wish, the id its micro-wish gets in wish-service. */
    public record Recorded(CareContact contact, UUID wishId) {
    }

    /**
     * A carer (or the grid's staff) records one of the 四个一; a home visit restarts the weekly timer. One wish a year
     * (a second one is a 409), written for the dispatch board ({@code wish}): it is ordered as a micro-wish in
     * wish-service through {@code org.gridgov.care-recipient.wish-raised.v1}, committed with the contact.
     */
    public Mono<Recorded> record(UUID id, CareContact.Kind kind, String note, WishText wish, Caller caller) {
        Instant at = now();
        return store.lock(id)
                .flatMap(recipient -> sight(recipient, caller).flatMap(sight -> mayRecord(recipient, caller)
                        .then(Mono.fromCallable(() -> CareContact.record(id, kind, caller.subject(), note, at)))
                        .flatMap(contact -> {
                            if (kind != CareContact.Kind.YEARLY_WISH) {
                                return wish == null ? store.insert(contact).thenReturn(new Recorded(contact, null))
                                        : Mono.error(Refusal.invalidField("wish", "Only a YEARLY_WISH contact orders a wish."));
                            }
                            if (wish == null) {
                                return Mono.error(Refusal.invalidField("wish", "The year's wish is ordered as a"
                                        + " micro-wish: give wish.category and wish.title for the dispatch board."));
                            }
                            CareWish raised = CareWish.raise(contact.id(), id, wish.category(), wish.title(), at);
                            return oneWishAYear(id, at)
                                    .then(access.gridOf(recipient.microGridId()))
                                    .switchIfEmpty(Mono.error(() -> Refusal.conflict(
                                            "The recipient's micro-grid lies in no grid.")))
                                    .flatMap(grid -> store.insert(contact).then(store.insertWish(raised))
                                            .then(outbox.append(new CareWishRaised(id, contact.id(), raised.wishId(),
                                                    recipient.householdId(), recipient.microGridId(), grid,
                                                    recipient.communityId(), raised.category(), raised.title(),
                                                    contact.carer(), at))))
                                    .thenReturn(new Recorded(contact, raised.wishId()));
                        })
                        .flatMap(recorded -> (kind == CareContact.Kind.HOME_VISIT
                                        ? store.updateTimer(recipient.visited(at)).then() : Mono.<Void>empty())
                                .then(outbox.append(new CareContactRecorded(id, recorded.contact().id(),
                                        recipient.communityId(), CareContactRecorded.Kind.valueOf(kind.name()),
                                        recorded.contact().carer(), at)))
                                .thenReturn(recorded))))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("care recipient", id)));
    }

    /** The recipient's yearly wishes and what became of them in wish-service, newest first. */
    public Flux<CareWish> wishes(UUID id) {
        return store.wishesOf(id);
    }

    private Mono<Void> oneWishAYear(UUID id, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Instant yearStart = day.withDayOfYear(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return store.contacts(id, yearStart, at.plusSeconds(1), 1000)
                .any(c -> c.kind() == CareContact.Kind.YEARLY_WISH)
                .flatMap(had -> had ? Mono.error(Refusal.conflict("The recipient's wish of " + day.getYear()
                        + " is recorded already.")) : Mono.empty());
    }

    private Mono<Void> mayRecord(CareRecipient recipient, Caller caller) {
        if (recipient.caredForBy(caller.subject(), caller.memberId())) {
            return Mono.empty();
        }
        return (caller.has(Role.GRID_STAFF) ? access.covers(caller, recipient.microGridId()) : Mono.just(false))
                .flatMap(staff -> staff ? Mono.<Void>empty() : Mono.error(Refusal.forbidden(
                        "The carers and the grid's staff record the care.")));
    }

    /** The carers and the grid's staff see it in clear, the admins over it masked; anyone else not at all. */
    private Mono<Sight> sight(CareRecipient recipient, Caller caller) {
        if (recipient.caredForBy(caller.subject(), caller.memberId())) {
            return Mono.just(Sight.CLEAR);
        }
        return access.isStaffOver(caller, recipient.microGridId())
                .flatMap(over -> !over ? Mono.empty()
                        : Mono.just(caller.has(Role.GRID_STAFF) ? Sight.CLEAR : Sight.MASKED));
    }

    /** The 四个一 of the week below the node, per recipient, with its gaps. */
    public record CareCoverage(UUID node, LocalDate week, int recipients, int withGaps, List<CareCoverageEntry> entries) {
    }

    public record CareCoverageEntry(UUID recipientId, UUID householdId, UUID microGridId, CareWeek week) {
    }

    public Mono<CareCoverage> coverage(UUID node, LocalDate anyDay, Caller caller) {
        LocalDate monday = CareWeek.mondayOf(anyDay);
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        // from the start of the year: the year's wish counts too
        Instant from = monday.withDayOfYear(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = monday.plusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC);
        return access.isStaffOver(caller, node)
                .flatMap(over -> over ? Mono.zip(store.under(node, 10_000).collectList(),
                        store.contactsUnder(node, from, to).collectList())
                        : Mono.error(Refusal.forbidden("This node is outside your jurisdiction.")))
                .map(found -> {
                    Map<UUID, List<CareContact>> byRecipient = found.getT2().stream()
                            .collect(Collectors.groupingBy(CareContact::recipientId));
                    List<CareCoverageEntry> entries = found.getT1().stream().map(r -> new CareCoverageEntry(r.id(), r.householdId(),
                            r.microGridId(), CareWeek.of(monday, LocalDate.ofInstant(r.registeredAt(), ZoneOffset.UTC),
                                    byRecipient.getOrDefault(r.id(), List.of()), today))).toList();
                    return new CareCoverage(node, monday, entries.size(),
                            (int) entries.stream().filter(e -> !e.week().gaps().isEmpty()).count(), entries);
                });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
