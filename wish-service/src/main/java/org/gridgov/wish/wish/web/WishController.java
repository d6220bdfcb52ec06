package org.gridgov.wish.wish.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.gridgov.wish.readmodel.CommunityMembership;
import org.gridgov.wish.readmodel.MatchingCandidates;
import org.gridgov.wish.wish.WishQueries;
import org.gridgov.wish.wish.WishWorkflow;
import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.PersonalData;
import org.gridgov.wish.wish.domain.ClaimerKind;
import org.gridgov.wish.wish.domain.WantedBy;
import org.gridgov.wish.wish.domain.Wish;
import org.gridgov.wish.wish.domain.WishStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The workflow's public API (docs/api.md, "Wishes and needs"). Every command takes an {@code Idempotency-Key}. */
@RestController
@RequestMapping(path = "/api/wishes", produces = "application/json")
@Tag(name = "Wishes", description = "微心愿: order → dispatch → claim → close")
class WishController {

    private static final String PHONE = "^\\+?[0-9][0-9 -]{5,19}$";
    private static final String WEB_URL = "^https?://\\S+$";

    private final WishWorkflow workflow;
    private final WishQueries queries;
    private final MatchingCandidates candidates;
    private final CommunityMembership membership;
    private final Idempotency idempotency;
    private final ZoneId communityZone;

    WishController(WishWorkflow workflow, WishQueries queries, MatchingCandidates candidates,
                   CommunityMembership membership, Idempotency idempotency,
                   @Value("${gridgov.wish.time-zone}") ZoneId communityZone) {
        this.workflow = workflow;
        this.queries = queries;
        this.candidates = candidates;
        this.membership = membership;
        this.idempotency = idempotency;
        this.communityZone = communityZone;
    }

    record SubmitWish(@NotNull Category category, @NotBlank @Size(max = 100) String title,
                      @Size(max = Wish.MAX_DESCRIPTION) String description, @NotBlank @Size(max = 200) String address,
                      @NotBlank @Pattern(regexp = PHONE) String contactPhone, @Size(max = 50) String residentName,
                      @Size(max = 40) String wantedBy) {

        /** The personal data stays out of logs even if this request is ever printed. */
        @Override
        public String toString() {
            return "SubmitWish[" + category + ", " + title + ", " + personalData() + "]";
        }

        /** Everything that identifies the request, for idempotency (hashed before it is stored). */
        String fingerprint() {
            return String.join("\u0000", String.valueOf(category), title, String.valueOf(description), address,
                    contactPhone, String.valueOf(residentName), String.valueOf(wantedBy));
        }

        PersonalData personalData() {
            return new PersonalData(Optional.ofNullable(residentName).filter(name -> !name.isBlank()), contactPhone.strip(),
                    address.strip());
        }
    }

    record Dispatch(@Size(max = 50) List<UUID> candidateUnits, @Size(max = Wish.MAX_TEXT) String note) {
    }

    record ReasonRequest(@NotBlank @Size(max = Wish.MAX_TEXT) String reason) {
    }

    record OptionalReason(@Size(max = Wish.MAX_TEXT) String reason) {
    }

    record Fulfil(@NotBlank @Size(max = Wish.MAX_TEXT) String note,
                  @Size(max = 500) @Pattern(regexp = WEB_URL) String evidenceUrl,
                  @Size(max = 50) List<UUID> servedMemberIds) {
    }

    record Close(@Min(1) @Max(5) Integer rating, @Size(max = Wish.MAX_TEXT) String comment) {
    }

    record InformationRequest(@NotBlank @Size(max = Wish.MAX_TEXT) String question) {
    }

    record Information(@NotBlank @Size(max = Wish.MAX_TEXT) String answer) {

        /** The answer may hold personal data: never in a log, even if this request is printed. */
        @Override
        public String toString() {
            return "Information[" + (answer == null ? 0 : answer.length()) + " characters]";
        }
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "orderWish",
            summary = "A resident orders a wish (居民点单); the grid is resolved from the address")
    Mono<ResponseEntity<WishView>> submit(@Valid @RequestBody SubmitWish request, @AuthenticationPrincipal Caller caller,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Clients.requireScope(caller, Clients.WRITE);
        Wish.Order order = new Wish.Order(request.category(), request.title(), Optional.ofNullable(request.description()),
                wantedBy(request.wantedBy()), request.personalData());
        return idempotency.created(key, caller, "POST /api/wishes\u0000" + request.fingerprint(), WishView.class,
                () -> workflow.submit(caller, order, request.address()).map(WishView::afterCommand),
                view -> "/api/wishes/" + view.id());
    }

    @PostMapping(path = "/{id}/dispatch", consumes = "application/json")
    @Operation(operationId = "dispatchWish", summary = "The grid dispatches the wish for claiming (网格派单)")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> dispatch(@PathVariable UUID id, @Valid @RequestBody Dispatch request,
                                            @AuthenticationPrincipal Caller caller,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        List<UUID> units = request.candidateUnits() == null ? List.of() : request.candidateUnits();
        return membership.requireKnown(ClaimerKind.UNIT, "candidateUnits", units)
                .then(Mono.defer(() -> command(key, caller, id, "dispatch", request, (wish, actor, at) ->
                        wish.dispatch(actor, units, Optional.ofNullable(request.note()), at))));
    }

    @PostMapping(path = "/{id}/reject", consumes = "application/json")
    @Operation(operationId = "rejectWish", summary = "The grid rejects the wish")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> reject(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request,
                                          @AuthenticationPrincipal Caller caller,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return command(key, caller, id, "reject", request, (wish, actor, at) -> wish.reject(actor, request.reason(), at));
    }

    @PostMapping(path = "/{id}/claim")
    @Operation(operationId = "claimWish",
            summary = "A member unit or party member claims the wish (成员单位接单); 409 when already claimed")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> claim(@PathVariable UUID id, @AuthenticationPrincipal Caller caller,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return command(key, caller, id, "claim", "", (wish, actor, at) -> wish.claim(actor, at));
    }

    @PostMapping(path = "/{id}/release", consumes = "application/json")
    @Operation(operationId = "releaseWish", summary = "The claimer gives the wish up; it is open for claiming again")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> release(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request,
                                           @AuthenticationPrincipal Caller caller,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return command(key, caller, id, "release", request, (wish, actor, at) -> wish.release(actor, request.reason(), at));
    }

    @PostMapping(path = "/{id}/fulfil", consumes = "application/json")
    @Operation(operationId = "fulfilWish",
            summary = "The claimer reports the wish fulfilled, naming the party members who served")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> fulfil(@PathVariable UUID id, @Valid @RequestBody Fulfil request,
                                          @AuthenticationPrincipal Caller caller,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        List<UUID> served = request.servedMemberIds() == null ? List.of() : request.servedMemberIds();
        return membership.requireKnown(ClaimerKind.PARTY_MEMBER, "servedMemberIds", served)
                .then(Mono.defer(() -> command(key, caller, id, "fulfil", request, (wish, actor, at) ->
                        wish.fulfil(actor, request.note(), Optional.ofNullable(request.evidenceUrl()), served, at))));
    }

    @PostMapping(path = "/{id}/close", consumes = "application/json")
    @Operation(operationId = "closeWish",
            summary = "The resident (or grid staff on their behalf) confirms and rates the wish (完成销单)")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> close(@PathVariable UUID id, @Valid @RequestBody Close request,
                                         @AuthenticationPrincipal Caller caller,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return command(key, caller, id, "close", request, (wish, actor, at) ->
                wish.close(actor, Optional.ofNullable(request.rating()), Optional.ofNullable(request.comment()), at));
    }

    @PostMapping(path = "/{id}/cancel")
    @Operation(operationId = "cancelWish", summary = "The resident withdraws the wish before it is claimed")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) OptionalReason request,
                                          @AuthenticationPrincipal Caller caller,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Optional<String> reason = Optional.ofNullable(request).map(OptionalReason::reason);
        return command(key, caller, id, "cancel", reason.orElse(""), (wish, actor, at) -> wish.cancel(actor, reason, at));
    }

    @PostMapping(path = "/{id}/reopen", consumes = "application/json")
    @Operation(operationId = "reopenWish", summary = "The resident reopens a wish within 7 days of closing: it was not"
            + " really done; back to DISPATCHED at the grid, the previous claim ended (409 with reason"
            + " REOPEN_PERIOD_OVER when too late)")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> reopen(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request,
                                          @AuthenticationPrincipal Caller caller,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return command(key, caller, id, "reopen", request, (wish, actor, at) -> wish.reopen(actor, request.reason(), at));
    }

    @PostMapping(path = "/{id}/urge")
    @Operation(operationId = "urgeWish", summary = "The resident hurries an open wish along (催单), once a day in the"
            + " community's time zone (409 with reason ALREADY_URGED_TODAY and urgeableFrom otherwise)")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> urge(@PathVariable UUID id, @AuthenticationPrincipal Caller caller,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return command(key, caller, id, "urge", "", (wish, actor, at) -> wish.urge(actor, at, communityZone));
    }

    @PostMapping(path = "/{id}/information-request", consumes = "application/json")
    @Operation(operationId = "requestWishInformation", summary = "The grid asks the resident a question: AWAITING_INFO,"
            + " the SLA deadline paused until the answer")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> requestInformation(@PathVariable UUID id, @Valid @RequestBody InformationRequest request,
                                                      @AuthenticationPrincipal Caller caller,
                                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return step(key, caller, id, "information-request", request.question(),
                () -> workflow.ask(caller, id, request.question()).map(WishView::afterCommand));
    }

    @PostMapping(path = "/{id}/information", consumes = "application/json")
    @Operation(operationId = "giveWishInformation", summary = "The resident answers the grid's question; the wish goes"
            + " back to the status it had and its SLA deadline runs on, later by the time waited")
    @ProblemResponses(409)
    Mono<ResponseEntity<WishView>> giveInformation(@PathVariable UUID id, @Valid @RequestBody Information request,
                                                   @AuthenticationPrincipal Caller caller,
                                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return step(key, caller, id, "information", request.answer(),
                () -> workflow.answer(caller, id, request.answer()).map(WishView::afterCommand));
    }

    @GetMapping("/{id}/information")
    @Operation(operationId = "getWishInformation", summary = "The grid's questions about the wish and the resident's"
            + " answers; an answer in clear only for those who see the resident's personal data")
    Mono<QuestionsView> information(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        Clients.requireScope(caller, Clients.READ);
        return queries.find(caller, id).flatMap(queries::questions)
                .map(questions -> QuestionsView.of(questions.items(), questions.answersShown()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWish", summary = "A wish, with personal data masked unless the caller may see it")
    Mono<WishView> get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        Clients.requireScope(caller, Clients.READ);
        return queries.find(caller, id).flatMap(seen -> (seen.byItsGrid() ? candidates.of(id) : Mono.just(
                List.<MatchingCandidates.Candidate>of())).map(found -> view(seen, found)));
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "getWishHistory",
            summary = "Who did what to the wish, when, from which status to which, and why")
    Mono<HistoryView> history(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        Clients.requireScope(caller, Clients.READ);
        return queries.find(caller, id).flatMap(seen -> queries.history(seen)
                .map(entries -> HistoryView.of(entries, seen.stored().wish().showsPersonalDataTo(seen.actor())
                        || seen.byItsGrid())));
    }

    @GetMapping
    @Operation(operationId = "listWishes", summary = "The wishes the caller may see, newest first, a page at a time")
    Mono<Page<WishView>> list(@RequestParam Optional<WishStatus> status, @RequestParam Optional<UUID> grid,
                              @RequestParam Optional<Category> category, @RequestParam Optional<String> cursor,
                              @RequestParam Optional<Integer> limit, @AuthenticationPrincipal Caller caller) {
        Clients.requireScope(caller, Clients.READ);
        int size = Page.limit(limit);
        return queries.list(caller, new WishQueries.Filter(status, grid, category), Cursor.timeAndId(cursor.orElse(null)), size)
                .map(page -> page.map(seen -> Optional.of(view(seen, List.of()))));
    }

    private Optional<Instant> wantedBy(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WantedBy.read(text, communityZone));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("wantedBy", "expected " + WantedBy.EXPECTED);
        }
    }

    private static WishView view(WishQueries.Seen seen, List<MatchingCandidates.Candidate> found) {
        Wish wish = seen.stored().wish();
        boolean clear = wish.showsPersonalDataTo(seen.actor());
        return WishView.of(seen.stored(), wish.personalDataFor(seen.actor()), !clear, found);
    }

    private Mono<ResponseEntity<WishView>> command(String key, Caller caller, UUID id, String name, Object request,
                                                   WishWorkflow.Command command) {
        return step(key, caller, id, name, request, () -> workflow.act(caller, id, command).map(WishView::afterCommand));
    }

    /** A step of the workflow on the wish: write scope, once per Idempotency-Key, answered with the wish after it. */
    private Mono<ResponseEntity<WishView>> step(String key, Caller caller, UUID id, String name, Object request,
                                                Supplier<Mono<WishView>> step) {
        Clients.requireScope(caller, Clients.WRITE);
        return idempotency.ok(key, caller, "POST /api/wishes/" + id + "/" + name + "\u0000" + request, WishView.class, step);
    }

    /** What client apps (hotlines, mini-programs) may do here depends on the scopes they were granted. */
    static final class Clients {

        static final String READ = "wishes:read";
        static final String WRITE = "wishes:write";

        private Clients() {
        }

        static void requireScope(Caller caller, String scope) {
            boolean onlyAnApp = caller.roles().size() == 1 && caller.has(Role.CLIENT);
            if (onlyAnApp && !caller.hasScope(scope)) {
                throw ProblemException.forbidden("This client app lacks the scope " + scope + ".");
            }
        }
    }
}
