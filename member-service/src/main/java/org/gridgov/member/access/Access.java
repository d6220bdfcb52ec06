package org.gridgov.member.access;

import java.util.Collection;
import java.util.UUID;

import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may act where, checked by this service whatever the gateway checked (docs/design.md §7): admins
 * within their jurisdiction, grid staff within their grids, members and units for themselves.
 */
@Component
public record Access(Jurisdictions jurisdictions) {

    /** The caller is the party member {@code memberId} themself. */
    public static boolean isMember(Caller caller, UUID memberId) {
        return caller.has(Role.PARTY_MEMBER) && caller.member().filter(memberId.toString()::equals).isPresent();
    }

    /** The caller speaks for member unit {@code unitId}. */
    public static boolean isUnit(Caller caller, UUID unitId) {
        return caller.has(Role.UNIT) && caller.unit().filter(unitId.toString()::equals).isPresent();
    }

    public Mono<Boolean> isAdminOver(Caller caller, UUID node) {
        return jurisdictions.isAdminOver(caller, node);
    }

    /** Grid staff or an admin whose jurisdiction covers the node. */
    public Mono<Boolean> isStaffOver(Caller caller, UUID node) {
        return caller.has(Role.GRID_STAFF) || caller.isAdmin() ? jurisdictions.covers(caller, node) : Mono.just(false);
    }

    /** An admin whose jurisdiction covers at least one of the nodes. */
    public Mono<Boolean> isAdminOverAny(Caller caller, Collection<UUID> nodes) {
        return Flux.fromIterable(nodes).concatMap(node -> isAdminOver(caller, node)).any(Boolean::booleanValue);
    }

    public Mono<Void> requireAdminOver(Caller caller, UUID node) {
        return isAdminOver(caller, node).flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(adminsOnly()));
    }

    public static ProblemException adminsOnly() {
        return ProblemException.forbidden("Only an admin whose jurisdiction covers this may do it.");
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }
}
