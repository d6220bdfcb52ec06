package org.gridgov.fieldwork.care.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.care.CareService;
import org.gridgov.fieldwork.care.domain.CareContact;
import org.gridgov.fieldwork.care.domain.CareGroup;
import org.gridgov.fieldwork.care.domain.CareRecipient;
import org.gridgov.fieldwork.care.domain.CareWish;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Care for special groups (四个一): care recipients, their carers' contacts and the week's coverage. The answers to
 * commands carry ids only — they are kept for idempotent replays — and the groups and notes are read with GET.
 */
@RestController
record CareController(CareService service, Idempotency idempotency) {

    private static final String MASK = "****";

    /** What a command answers: ids and the timer, nothing sensitive. */
    record CareRecipientRef(UUID id, UUID householdId, UUID microGridId, UUID communityId, List<String> carers,
                        Instant visitDueAt) {

        static CareRecipientRef of(CareRecipient r) {
            return new CareRecipientRef(r.id(), r.householdId(), r.microGridId(), r.communityId(), r.carers(), r.visitDueAt());
        }
    }

    record CareContactView(UUID id, CareContact.Kind kind, String carer, String note, Instant at) {
    }

    /** {@code wishId}: for the year's wish, the id of the micro-wish wish-service orders from it. */
    record CareContactRef(UUID id, UUID recipientId, CareContact.Kind kind, String carer, Instant at, UUID wishId) {
    }

    /** A yearly wish and what became of it in wish-service (ORDERED until wish-service announces it). */
    record CareWishView(UUID wishId, UUID contactId, Category category, String title, Instant raisedAt, String status,
                        Instant statusAt) {

        static CareWishView of(CareWish w) {
            return new CareWishView(w.wishId(), w.contactId(), w.category(), w.title(), w.raisedAt(), w.status(),
                    w.statusAt());
        }
    }

    /** {@code masked}: the notes are hidden from admins, who see the groups and the timer to oversee the care. */
    record CareRecipientView(UUID id, UUID householdId, UUID microGridId, UUID communityId, Set<CareGroup> groups,
                         List<String> carers, Instant registeredAt, Instant visitDueAt, int visitsMissedInARow,
                         boolean masked, List<CareContactView> contacts, List<CareWishView> wishes) {

        static CareRecipientView of(CareService.Seen seen, List<CareContact> contacts, List<CareWish> wishes) {
            CareRecipient r = seen.recipient();
            boolean masked = seen.sight() == CareService.Sight.MASKED;
            return new CareRecipientView(r.id(), r.householdId(), r.microGridId(), r.communityId(), r.groups(), r.carers(),
                    r.registeredAt(), r.visitDueAt(), r.missedInARow(), masked, contacts == null ? null
                    : contacts.stream().map(c -> new CareContactView(c.id(), c.kind(), c.carer(), masked ? MASK : c.note(),
                            c.at())).toList(), wishes == null ? null : wishes.stream().map(CareWishView::of).toList());
        }
    }

    record CareRecipientRequest(@NotNull UUID householdId, @NotNull @Size(min = 1, max = 5) List<@NotNull CareGroup> groups,
                           @NotNull @Size(min = 1, max = CareRecipient.MAX_CARERS)
                           List<@NotBlank @Size(max = CareRecipient.MAX_CARER_LENGTH) String> carers) {

        /** Never the groups: a log line never carries them. */
        @Override
        public String toString() {
            return householdId + " " + groups.size() + " " + carers;
        }
    }

    @PostMapping(path = "/api/care-recipients", produces = "application/json")
    Mono<ResponseEntity<CareRecipientRef>> registerCareRecipient(@Valid @RequestBody CareRecipientRequest request,
                                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/care-recipients " + request.householdId() + " "
                        + request.groups() + " " + request.carers(), CareRecipientRef.class,
                () -> service.register(request.householdId(), request.groups(), request.carers(), caller)
                        .map(CareRecipientRef::of),
                view -> "/api/care-recipients/" + view.id());
    }

    /** The recipient with its contacts of the last 31 days, newest first. */
    @GetMapping(path = "/api/care-recipients/{id}", produces = "application/json")
    Mono<CareRecipientView> getCareRecipient(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.find(id, caller).flatMap(seen -> Mono.zip(service.contacts(id, 31, 200).collectList(),
                        service.wishes(id).collectList())
                .map(found -> CareRecipientView.of(seen, found.getT1(), found.getT2())));
    }

    /** Recipients below a node (the staff and admins over it), or without {@code node} those the caller cares for. */
    @GetMapping(path = "/api/care-recipients", produces = "application/json")
    Mono<List<CareRecipientView>> listCareRecipients(@RequestParam(required = false) UUID node,
                                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                                 @AuthenticationPrincipal Caller caller) {
        return service.list(node, limit, caller).map(seen -> CareRecipientView.of(seen, null, null)).collectList();
    }

    /** The year's wish as the carer writes it for the grid's dispatch board: no name, phone or address. */
    record WishRequest(@NotNull Category category, @NotBlank @Size(max = CareWish.MAX_TITLE) String title) {
    }

    /** {@code wish}: required with YEARLY_WISH (it is ordered as a micro-wish), refused with the other kinds. */
    record CareContactRequest(@NotNull CareContact.Kind kind, @NotBlank @Size(max = CareContact.MAX_NOTE) String note,
                              @Valid WishRequest wish) {
    }

    @PostMapping(path = "/api/care-recipients/{id}/contacts", produces = "application/json")
    Mono<ResponseEntity<CareContactRef>> recordCareContact(@PathVariable UUID id, @Valid @RequestBody CareContactRequest request,
                                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                       @AuthenticationPrincipal Caller caller) {
        CareService.WishText wish = request.wish() == null ? null
                : new CareService.WishText(request.wish().category(), request.wish().title());
        return idempotency.once(key, caller, "POST /api/care-recipients/" + id + "/contacts " + request.kind() + " "
                        + request.note() + " " + wish, CareContactRef.class,
                () -> service.record(id, request.kind(), request.note(), wish, caller)
                        .map(r -> ResponseEntity.status(201).body(new CareContactRef(r.contact().id(), id,
                                r.contact().kind(), r.contact().carer(), r.contact().at(), r.wishId()))));
    }

    /** The 四个一 of the week (any day of it; Monday to Sunday) for every recipient below the node, with the gaps. */
    @GetMapping(path = "/api/care/coverage", produces = "application/json")
    Mono<CareService.CareCoverage> careCoverage(@RequestParam UUID node, @RequestParam LocalDate week,
                                            @AuthenticationPrincipal Caller caller) {
        return service.coverage(node, week, caller);
    }
}
