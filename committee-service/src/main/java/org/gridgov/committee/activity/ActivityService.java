package org.gridgov.committee.activity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.committee.access.CommunityAccess;
import org.gridgov.committee.activity.domain.Activity;
import org.gridgov.committee.activity.domain.Registration;
import org.gridgov.committee.activity.domain.Teams;
import org.gridgov.committee.activity.persistence.ActivityStore;
import org.gridgov.contracts.events.ActivityCompleted;
import org.gridgov.kit.jurisdiction.GridNode;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The commands of joint activities (活动联办), each run in the controller's idempotent transaction. The community's
 * admins plan them; they and the organising units check people in and complete them; party members sign themselves up.
 */
@Service
public record ActivityService(ActivityStore store, CommunityAccess access, GridTree gridTree, Outbox outbox,
                              MeterRegistry meters, Clock clock, TransactionalOperator tx) {

    public record Plan(UUID communityId, String title, String kind, Instant startsAt, Instant endsAt, String place,
                       int capacity, BigDecimal hours, int points, List<UUID> organiserUnitIds) {
    }

    public record Seen(Activity activity, List<Registration> registrations) {
    }

    public Mono<Activity> plan(Plan p, Caller caller) {
        return access.requireAdminOf(caller, p.communityId())
                .then(store.unitsOf(p.communityId(), p.organiserUnitIds()).collectList().map(Set::copyOf))
                .flatMap(known -> {
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < p.organiserUnitIds().size(); i++) {
                        if (!known.contains(p.organiserUnitIds().get(i))) {
                            errors.add(new FieldError("organiserUnitIds[" + i + "]",
                                    "no member unit of this community's committee has this id"));
                        }
                    }
                    return errors.isEmpty() ? Mono.just(Activity.plan(p.communityId(), p.title(), p.kind(), p.startsAt(),
                            p.endsAt(), p.place(), p.capacity(), p.hours(), p.points(), p.organiserUnitIds(),
                            caller.subject(), clock.instant()))
                            : Mono.error(ProblemException.unknownReferences(errors));
                })
                .flatMap(activity -> store.insert(activity)
                        .doOnSuccess(done -> meters.counter("gridgov.committee.activities.planned").increment())
                        .thenReturn(activity));
    }

    /** Any signed-in person reads activities, as they are invitations; 404 for one that does not exist. */
    public Mono<Activity> find(UUID id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("activity", id)));
    }

    public Flux<Activity> inCommunity(UUID communityId, Instant from, Instant to) {
        return store.inCommunity(communityId, from, to);
    }

    public Mono<Long> registered(UUID id) {
        return store.registered(id);
    }

    /** Who signed up, shown to the activity's organisers only. */
    public Mono<List<Registration>> registrationsFor(Activity activity, Caller caller) {
        return isOrganiser(caller, activity).flatMap(organiser -> organiser
                ? store.registrations(activity.id()).collectList() : Mono.just(List.of()));
    }

    /**
     * Signs the caller up: a party member or volunteer known to the committee. Under the activity's lock, so its
     * capacity holds in a race.
     */
    public Mono<Registration> register(UUID id, Caller caller) {
        Instant now = clock.instant();
        Registration.PersonKind kind = caller.has(Role.PARTY_MEMBER) ? Registration.PersonKind.PARTY_MEMBER
                : caller.has(Role.VOLUNTEER) ? Registration.PersonKind.VOLUNTEER : null;
        UUID person = kind == null ? null : caller.memberId().orElse(null);
        if (person == null) {
            return Mono.error(ProblemException.forbidden("Only party members and volunteers sign up for activities."));
        }
        Registration registration = new Registration(id, person, kind, now, null);
        return find(id)
                .then(store.isKnown(kind, person))
                .flatMap(known -> known ? store.findForUpdate(id) : Mono.error(ProblemException.forbidden(
                        "The committee does not know this party member or volunteer yet.")))
                .flatMap(activity -> store.registered(id).doOnNext(count -> activity.admitRegistration(count, now)))
                .then(store.register(registration))
                .flatMap(inserted -> inserted ? Mono.just(registration) : Mono.error(new ProblemException(
                        HttpStatus.CONFLICT, "already-registered", "You have already signed up for this activity.")))
                .doOnSuccess(done -> meters.counter("gridgov.committee.activities.registrations",
                        "kind", kind.name()).increment());
    }

    /** Cancels the caller's own registration, or any by an organiser, before the activity starts. */
    public Mono<Void> cancel(UUID id, UUID personId, Caller caller) {
        boolean own = caller.memberId().map(personId::equals).orElse(false);
        return tx.transactional(find(id)
                .flatMap(activity -> own ? Mono.just(activity) : requireOrganiser(caller, activity))
                .flatMap(activity -> store.findForUpdate(id))
                .doOnNext(activity -> activity.admitCancellation(clock.instant()))
                .then(store.cancel(id, personId))
                .flatMap(cancelled -> cancelled ? Mono.<Void>empty()
                        : Mono.error(ProblemException.notFound("registration", personId))));
    }

    public Mono<Registration> checkIn(UUID id, UUID personId, Caller caller) {
        return find(id)
                .flatMap(activity -> requireOrganiser(caller, activity))
                .flatMap(activity -> store.findForUpdate(id))
                .doOnNext(Activity::admitCheckIn)
                .then(store.checkIn(id, personId, clock.instant()))
                .switchIfEmpty(Mono.error(() -> ProblemException.unknownReferences(List.of(
                        new FieldError("personId", "nobody signed up for this activity has this id")))));
    }

    /** Completes the activity: each person checked in earns its hours and points, once (member-service, from the event). */
    public Mono<Seen> complete(UUID id, Caller caller) {
        Instant at = clock.instant();
        return find(id)
                .flatMap(activity -> requireOrganiser(caller, activity))
                .flatMap(activity -> store.findForUpdate(id))
                .map(activity -> activity.complete(at))
                .flatMap(completed -> store.complete(completed)
                        .then(store.registrations(id).collectList())
                        .flatMap(registrations -> outbox.append(new ActivityCompleted(completed.id(),
                                        completed.communityId(), completed.title(), completed.hours().doubleValue(),
                                        completed.points(), registrations.stream().filter(Registration::checkedIn)
                                                .map(r -> new ActivityCompleted.Participant(r.kind().name(), r.personId()))
                                                .toList(), at))
                                .doOnSuccess(done -> meters.counter("gridgov.committee.activities.completed").increment())
                                .thenReturn(new Seen(completed, registrations))));
    }

    /**
     * The people signed up in teams by grid, {@code size} to a team at most: for the organisers, and for the grid
     * staff of the community, who lead their grid's teams.
     */
    public Mono<List<Teams.Team>> teams(UUID id, int size, Caller caller) {
        return find(id)
                .flatMap(activity -> isOrganiser(caller, activity).flatMap(organiser -> organiser || !caller.has(Role.GRID_STAFF)
                        ? Mono.just(organiser) : access.canRead(caller, activity.communityId())))
                .flatMap(allowed -> allowed ? store.placedRegistrations(id).collectList()
                        : Mono.error(ProblemException.forbidden("Only the activity's organisers and the community's grid "
                                + "staff see its teams.")))
                .flatMap(placed -> Flux.fromStream(placed.stream().map(Teams.Placed::gridId).filter(Objects::nonNull).distinct())
                        .concatMap(gridTree::find)
                        .collectMap(GridNode::id, GridNode::name)
                        .map(names -> placed.stream().map(p -> new Teams.Placed(p.registration(), p.gridId(),
                                names.get(p.gridId()))).toList()))
                .map(placed -> Teams.byGrid(placed, size));
    }

    private Mono<Activity> requireOrganiser(Caller caller, Activity activity) {
        return isOrganiser(caller, activity).flatMap(organiser -> organiser ? Mono.just(activity)
                : Mono.error(ProblemException.forbidden("Only the activity's organisers and the community's admins do this.")));
    }

    private Mono<Boolean> isOrganiser(Caller caller, Activity activity) {
        boolean organisingUnit = caller.has(Role.UNIT)
                && caller.unitId().map(activity.organiserUnitIds()::contains).orElse(false);
        return organisingUnit ? Mono.just(true) : access.isAdminOf(caller, activity.communityId());
    }
}
