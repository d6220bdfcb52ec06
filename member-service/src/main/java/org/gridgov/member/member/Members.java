package org.gridgov.member.member;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.MemberDualReported;
import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.member.domain.MemberKind;
import org.gridgov.member.member.domain.PartyMember;
import org.gridgov.member.member.persistence.MemberStore;
import org.gridgov.member.unit.persistence.UnitStore;
import org.gridgov.member.access.Access;
import org.gridgov.member.access.GridPlaces;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registering party members, their dual reporting (双报到), and who may see them. */
@Service
public record Members(MemberStore members, UnitStore units, GridPlaces places, Access access, Outbox outbox,
                      Clock clock) {

    public record Registration(Optional<UUID> id, String name, MemberKind kind, UUID communityId, Optional<UUID> gridId,
                               Optional<String> phone) {
    }

    /** Admins register members of communities within their jurisdiction. */
    public Mono<PartyMember> register(Registration registration, Caller caller) {
        if (!caller.isAdmin()) {
            return Mono.error(Access.adminsOnly());
        }
        PartyMember member = new PartyMember(registration.id().orElseGet(UUID::randomUUID), registration.name().strip(),
                registration.kind(), registration.communityId(), registration.gridId(), registration.phone(),
                Optional.empty(), now());
        return places.community(member.communityId())
                .then(member.gridId().map(grid -> places.gridIn(grid, member.communityId()).then()).orElse(Mono.empty()))
                .then(access.requireAdminOver(caller, member.communityId()))
                .then(members.insert(member, caller.subject()))
                .flatMap(inserted -> inserted ? Mono.just(member)
                        : Mono.error(ProblemException.conflict("A party member with id " + member.id() + " is already registered.")))
                .flatMap(saved -> outbox.append(registered(saved))
                        .thenReturn(saved));
    }

    public record DualReportRequest(UUID communityId, String workUnit, Optional<UUID> workUnitId) {
    }

    /**
     * The in-service member reports in themself, or an admin of the community they report to
     * records it. A repeat of the report on record changes nothing and announces nothing.
     */
    public Mono<PartyMember> dualReport(UUID memberId, DualReportRequest request, Caller caller) {
        return visible(memberId, caller, true)
                .flatMap(member -> places.community(request.communityId())
                        .then(Access.isMember(caller, memberId) ? Mono.empty() : access.requireAdminOver(caller, request.communityId()))
                        .then(request.workUnitId().map(this::requireUnit).orElse(Mono.empty()))
                        .then(Mono.defer(() -> member.alreadyReported(request.communityId(), request.workUnit(), request.workUnitId())
                                ? Mono.just(member)
                                : record(member, request))));
    }

    private Mono<PartyMember> record(PartyMember member, DualReportRequest request) {
        Mono<Boolean> gridStays = member.gridId()
                .map(grid -> places.isWithin(grid, request.communityId()))
                .orElse(Mono.just(false));
        return gridStays.map(stays -> member.dualReport(request.communityId(), request.workUnit(), request.workUnitId(),
                        stays, now()))
                .flatMap(reported -> members.saveDualReport(reported)
                        .then(outbox.append(dualReported(reported)))
                        .thenReturn(reported));
    }

    private Mono<Void> requireUnit(UUID unitId) {
        return units.exists(unitId).flatMap(exists -> exists ? Mono.<Void>empty()
                : Mono.error(ProblemException.invalid("Member unit " + unitId + " is not known.")));
    }

    /**
     * The member as the caller may see them: themself, staff over their grid or admins over their
     * community. Anyone else is told it does not exist, which reveals nothing about other communities.
     *
     * @param asAdminOfAnyCommunity also let admins see members they are about to take into their community
     */
    public Mono<PartyMember> visible(UUID memberId, Caller caller, boolean asAdminOfAnyCommunity) {
        return members.find(memberId)
                .filterWhen(member -> Access.isMember(caller, memberId) ? Mono.just(true)
                        : asAdminOfAnyCommunity && caller.isAdmin() ? Mono.just(true)
                        : access.isStaffOver(caller, member.placement())
                                .flatMap(staff -> staff ? Mono.just(true) : access.isAdminOver(caller, member.communityId())))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("party member", memberId)));
    }

    /**
     * The member's phone for a service about to text them (apps-service, scope {@code contacts:read}), read at that
     * moment only; empty when they gave none.
     */
    public Mono<String> phoneToText(UUID memberId, Caller caller) {
        if (!caller.readsContacts()) {
            return Mono.error(ProblemException.forbidden("Only a service holding the scope " + Caller.CONTACTS_READ
                    + " reads contacts."));
        }
        return members.find(memberId).flatMap(member -> Mono.justOrEmpty(member.phone()));
    }

    /** The phone is shown to the member and to grid staff of the member's grid; everyone else sees it masked. */
    public Mono<Boolean> seesPhone(PartyMember member, Caller caller) {
        if (Access.isMember(caller, member.id())) {
            return Mono.just(true);
        }
        return member.gridId().filter(grid -> caller.has(Role.GRID_STAFF))
                .map(grid -> access.isStaffOver(caller, grid))
                .orElse(Mono.just(false));
    }

    /** Staff over the grid (when filtering by one) or the community may list its members. */
    public Mono<List<PartyMember>> list(MemberStore.Filter filter, Optional<UUID> afterId, int limit, Caller caller) {
        UUID scope = filter.gridId().orElse(filter.communityId());
        return access.isStaffOver(caller, scope)
                .flatMap(allowed -> allowed ? members.list(filter, afterId, limit).collectList()
                        : Mono.error(ProblemException.forbidden("Only staff and admins over this place may list its members.")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static MemberRegistered registered(PartyMember member) {
        return new MemberRegistered(member.id(), member.kind().name(), member.communityId(), member.gridId().orElse(null),
                member.registeredAt());
    }

    private static MemberDualReported dualReported(PartyMember member) {
        PartyMember.DualReport report = member.dualReport().orElseThrow();
        return new MemberDualReported(member.id(), report.communityId(), report.workUnit(),
                report.workUnitId().orElse(null), report.reportedAt());
    }
}
