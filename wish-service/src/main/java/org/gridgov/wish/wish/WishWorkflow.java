package org.gridgov.wish.wish;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.readmodel.HouseholdDirectory;
import org.gridgov.wish.rectification.Rectifications;
import org.gridgov.wish.sla.domain.SlaPolicy;
import org.gridgov.wish.sla.persistence.SlaTimerStore;
import org.gridgov.wish.wish.domain.Action;
import org.gridgov.wish.wish.domain.Actor;
import org.gridgov.wish.wish.domain.Placement;
import org.gridgov.wish.wish.domain.Wish;
import org.gridgov.wish.wish.domain.WishRefused;
import org.gridgov.wish.wish.messaging.WishEvents;
import org.gridgov.wish.wish.persistence.QuestionStore;
import org.gridgov.wish.wish.persistence.WishStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs the workflow's commands: loads the wish, works out where the caller stands, lets the domain
 * decide, and commits in one transaction the changed wish (only if nobody changed it meanwhile), its
 * history entry, the next SLA deadline, the event, and a rectification after a low rating.
 */
@Component
public class WishWorkflow {

    private final WishStore wishes;
    private final QuestionStore questions;
    private final HouseholdDirectory households;
    private final Actors actors;
    private final SlaTimerStore timers;
    private final SlaPolicy sla;
    private final WishEvents events;
    private final Rectifications rectifications;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;

    WishWorkflow(WishStore wishes, QuestionStore questions, HouseholdDirectory households, Actors actors, SlaTimerStore timers, SlaPolicy sla,
                 WishEvents events, Rectifications rectifications, TransactionalOperator tx, Clock clock,
                 MeterRegistry meters) {
        this.wishes = wishes;
        this.questions = questions;
        this.households = households;
        this.actors = actors;
        this.timers = timers;
        this.sla = sla;
        this.events = events;
        this.rectifications = rectifications;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    /** A command on an existing wish: the domain method to call, given the actor and the time. */
    @FunctionalInterface
    public interface Command {
        Wish.Change apply(Wish wish, Actor actor, Instant at);
    }

    /** 居民点单: places the wish by the resident's address and starts its dispatch deadline. */
    public Mono<WishStore.Stored> submit(Caller caller, Wish.Order order, String address) {
        return households.locate(address)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                        "address-not-resolved", "No registered household lies at this address; check it, or ask the"
                        + " grid staff to register the household.")))
                .flatMap(location -> submit(caller, order, location));
    }

    /** 居民点单 at a place already resolved (an Open311 request given by coordinates or a household id). */
    public Mono<WishStore.Stored> submit(Caller caller, Wish.Order order, HouseholdDirectory.Location location) {
        Instant at = now();
        UUID id = UUID.randomUUID();
        return actors.towards(caller, location.placement())
                .flatMap(actor -> decide(id, () -> Wish.submit(id, actor, order, location.placement(), at)))
                .flatMap(change -> tx.transactional(wishes.insert(change.wish(), location.areaPath())
                        .then(commit(change.wish(), change, at))
                        .then(wishes.find(id))));
    }

    /**
     * A wish another service passes on under the id it chose (a care recipient's yearly wish from fieldwork-service):
     * ordered like any other, with its history, dispatch deadline and event, in the caller's transaction.
     */
    public Mono<WishStore.Stored> submitPassedOn(UUID id, Actor actor, Wish.Order order, Placement placement,
                                                 List<UUID> areaPath, Instant occurredAt) {
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        return Mono.fromSupplier(() -> Wish.submit(id, actor, order, placement, at))
                .flatMap(change -> tx.transactional(wishes.insert(change.wish(), areaPath)
                        .then(commit(change.wish(), change, at))
                        .then(wishes.find(id))));
    }

    /** What else a command writes in its transaction, after the wish. */
    @FunctionalInterface
    private interface Also {
        Mono<Void> write(Wish.Change change, Instant at);
    }

    public Mono<WishStore.Stored> act(Caller caller, UUID id, Command command) {
        return act(caller, id, command, (change, at) -> Mono.empty());
    }

    /** The grid asks the resident a question; the wish waits for the answer. */
    public Mono<WishStore.Stored> ask(Caller caller, UUID id, String question) {
        return act(caller, id, (wish, actor, at) -> wish.requestInformation(actor, question, at),
                (change, at) -> questions.ask(id, change.entry().actorRole(), question.strip(), at));
    }

    /** The resident answers: the answer is sealed, the event says only how long it was. */
    public Mono<WishStore.Stored> answer(Caller caller, UUID id, String answer) {
        return act(caller, id, (wish, actor, at) -> wish.giveInformation(actor, answer, at),
                (change, at) -> questions.answer(id, answer.strip(), at).then(events.answered(change, answer)));
    }

    private Mono<WishStore.Stored> act(Caller caller, UUID id, Command command, Also also) {
        Instant at = now();
        return tx.transactional(wishes.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("wish", id)))
                .flatMap(stored -> actors.towards(caller, stored.wish().placement())
                        .flatMap(actor -> decide(id, () -> command.apply(stored.wish(), actor, at)))
                        .flatMap(change -> wishes.update(change.wish(), stored.wish().version(), at)
                                .flatMap(updated -> updated ? Mono.just(change) : Mono.error(() ->
                                        ProblemException.conflict("The wish was changed by someone else at the same"
                                                + " time; reload it and retry."))))
                        .flatMap(change -> commit(stored.wish(), change, at)
                                .then(also.write(change, at))
                                .then(change.entry().action() == Action.CLOSED
                                        ? rectifications.openIfCalledFor(change.wish(), stored.areaPath(), at)
                                        : Mono.empty())))
                .then(wishes.find(id)));
    }

    private Mono<Void> commit(Wish before, Wish.Change change, Instant at) {
        Wish wish = change.wish();
        return wishes.append(wish.id(), change.entry())
                .then(timer(wish, change.entry().action(), at))
                .then(change.entry().action() == Action.REOPENED
                        ? wishes.reopened(wish.id(), before.claimer(), at) : Mono.empty())
                // an answer is announced with it being sealed (Also), by its length
                .then(change.entry().action() == Action.INFORMATION_GIVEN ? Mono.empty()
                        : events.transitioned(before, change))
                // per community, so the workflow dashboard can show each community's funnel
                .doOnSuccess(done -> meters.counter("gridgov.wish.transitions", "action",
                        change.entry().action().name(), "community", wish.placement().communityId().toString())
                        .increment());
    }

    /**
     * What the command does to the SLA timer: an urge leaves the deadline running, a question to the
     * resident pauses it and the answer resumes it; every other command starts the next step's.
     */
    private Mono<Void> timer(Wish wish, Action action, Instant at) {
        return switch (action) {
            case URGED -> Mono.empty();
            case INFORMATION_REQUESTED -> timers.pause(wish.id(), at);
            case INFORMATION_GIVEN -> timers.resume(wish.id(), at);
            default -> timers.schedule(wish.id(), wish.category(),
                    sla.deadlineFor(wish.status(), wish.category(), wish.wantedBy(), at), at);
        };
    }

    /**
     * Runs the domain's decision; a refusal is the caller's problem (the kit answers it), and a wish
     * the caller may not see is one that does not exist.
     */
    private static Mono<Wish.Change> decide(UUID id, Supplier<Wish.Change> decision) {
        return Mono.fromSupplier(decision)
                .onErrorMap(refused -> refused instanceof WishRefused wish && wish.reason() == WishRefused.Reason.NOT_VISIBLE,
                        refused -> ProblemException.notFound("wish", id))
                .onErrorMap(Wish.UrgedToday.class, urged -> ProblemException.of(urged)
                        .with("urgeableFrom", urged.urgeableFrom().toString()));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: what is returned must equal what is read back later
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
