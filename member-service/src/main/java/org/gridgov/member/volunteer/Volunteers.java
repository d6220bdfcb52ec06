package org.gridgov.member.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.events.VolunteerRegistered;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.access.Access;
import org.gridgov.member.access.GridPlaces;
import org.gridgov.member.volunteer.domain.RankedVolunteer;
import org.gridgov.member.volunteer.domain.Volunteer;
import org.gridgov.member.volunteer.persistence.VolunteerStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Volunteers (志愿者): residents who are not party members, registered by the community's admins. Each has a points
 * account, earns hours and points in joint activities, and is ranked in the community.
 */
@Service
public class Volunteers {

    private final VolunteerStore store;
    private final GridPlaces places;
    private final Access access;
    private final Outbox outbox;
    private final VolunteerAccounts accounts;
    private final MeterRegistry meters;
    private final Clock clock;

    Volunteers(VolunteerStore store, GridPlaces places, Access access, Outbox outbox, VolunteerAccounts accounts,
               MeterRegistry meters, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.places = places;
        this.access = access;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Registers a volunteer: a resident themself (in the community their token places them; once), the grid staff of a
     * grid in the community, or an admin over it. A resident registering themself is linked at the identity provider
     * in the same step (their next token carries VOLUNTEER and this id); if it refuses or does not answer, nothing is
     * registered.
     */
    public Mono<Volunteer> register(String name, UUID communityId, String phone, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Volunteer volunteer = new Volunteer(UUID.randomUUID(), name, communityId, phone, now);
        boolean self = caller.has(Role.RESIDENT) && !caller.isAdmin() && !caller.has(Role.GRID_STAFF);
        return places.community(communityId)
                .then(mayRegister(caller, communityId, self))
                .flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(Access.forbidden("A resident registers"
                        + " themself in their own community; grid staff and admins register others there.")))
                .then(store.insert(volunteer, caller.subject(), self ? Optional.of(caller.subject()) : Optional.empty()))
                .flatMap(inserted -> inserted ? Mono.<Void>empty() : Mono.error(ProblemException.conflict(
                        "You are already a volunteer of this community.")))
                .then(self ? accounts.link(caller.subject(), volunteer.id()).then() : Mono.<Void>empty())
                .then(outbox.append(new VolunteerRegistered(volunteer.id(), communityId, now)))
                .doOnSuccess(done -> meters.counter("gridgov.members.volunteers.registered").increment())
                .thenReturn(volunteer);
    }

    private Mono<Boolean> mayRegister(Caller caller, UUID communityId, boolean self) {
        if (self || caller.has(Role.GRID_STAFF)) {
            return caller.jurisdictionId().map(place -> places.isWithin(place, communityId)).orElse(Mono.just(false));
        }
        return access.isAdminOver(caller, communityId);
    }

    /** The caller is the volunteer {@code id} themself. */
    public static boolean isVolunteer(Caller caller, UUID id) {
        return caller.has(Role.VOLUNTEER) && caller.member().filter(id.toString()::equals).isPresent();
    }

    /** The volunteer, to themself and to admins over their community; 404 to anyone else. */
    public Mono<Volunteer> visible(UUID id, Caller caller) {
        return store.find(id)
                .filterWhen(v -> isVolunteer(caller, id) ? Mono.just(true) : access.isAdminOver(caller, v.communityId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("volunteer", id)));
    }

    public Flux<RankedVolunteer> ranking(UUID communityId, int limit) {
        return places.community(communityId).thenMany(store.ranking(communityId, limit));
    }
}
