package org.gridgov.member.unit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.UnitJoined;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.unit.domain.MemberUnit;
import org.gridgov.member.unit.domain.UnitKind;
import org.gridgov.member.unit.persistence.UnitStore;
import org.gridgov.member.access.Access;
import org.gridgov.member.access.GridPlaces;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Member units joining communities' Grand Party Committees, and who sees their contacts. */
@Service
public record Units(UnitStore units, GridPlaces places, Access access, Outbox outbox, Clock clock) {

    public record NewUnit(Optional<UUID> id, String name, UnitKind kind, List<UUID> communityIds,
                          List<MemberUnit.Contact> contacts) {
    }

    /** An admin takes a unit into the Grand Party Committees of communities, all within their jurisdiction. */
    public Mono<MemberUnit> join(NewUnit request, Caller caller) {
        if (!caller.isAdmin()) {
            return Mono.error(Access.adminsOnly());
        }
        MemberUnit unit = new MemberUnit(request.id().orElseGet(UUID::randomUUID), request.name().strip(), request.kind(),
                request.communityIds(), request.contacts(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return Flux.fromIterable(unit.communityIds()).concatMap(places::community).then()
                .thenMany(Flux.fromIterable(unit.communityIds()).concatMap(community -> access.requireAdminOver(caller, community)))
                .then(units.insert(unit, caller.subject()))
                .flatMap(inserted -> inserted ? Mono.just(unit)
                        : Mono.error(ProblemException.conflict("A member unit with id " + unit.id() + " already exists.")))
                .flatMap(saved -> outbox.append(joined(saved)).thenReturn(saved));
    }

    public Mono<MemberUnit> find(UUID id) {
        return units.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("member unit", id)));
    }

    /**
     * The phone of the unit's first contact with one, for a service about to text the unit (apps-service, scope
     * {@code contacts:read}), read at that moment only; empty when no contact has a phone.
     */
    public Mono<String> phoneToText(UUID unitId, Caller caller) {
        if (!caller.readsContacts()) {
            return Mono.error(ProblemException.forbidden("Only a service holding the scope " + Caller.CONTACTS_READ
                    + " reads contacts."));
        }
        return units.find(unitId).flatMap(unit -> Mono.justOrEmpty(unit.contacts().stream()
                .map(MemberUnit.Contact::phone).filter(phone -> phone != null && !phone.isBlank()).findFirst()));
    }

    /** The unit itself and admins over one of its communities see its contacts' phones; others see them masked. */
    public Mono<Boolean> seesContacts(MemberUnit unit, Caller caller) {
        return Access.isUnit(caller, unit.id()) ? Mono.just(true) : access.isAdminOverAny(caller, unit.communityIds());
    }

    /** The unit itself, or an admin over one of its communities, may act for it. */
    public Mono<MemberUnit> actingFor(UUID unitId, Caller caller) {
        return find(unitId).filterWhen(unit -> seesContacts(unit, caller))
                .switchIfEmpty(Mono.error(() -> ProblemException.forbidden(
                        "Only the unit itself or an admin over one of its communities may do this.")));
    }

    public Mono<List<MemberUnit>> list(Optional<UUID> communityId, Optional<String> afterName, Optional<UUID> afterId,
                                       int limit) {
        return units.list(communityId, afterName, afterId, limit).collectList();
    }

    private static UnitJoined joined(MemberUnit unit) {
        return new UnitJoined(unit.id(), unit.name(), unit.kind().name(), unit.communityIds(), unit.joinedAt());
    }
}
