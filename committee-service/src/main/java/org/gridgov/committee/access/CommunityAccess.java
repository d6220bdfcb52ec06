package org.gridgov.committee.access;

import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may do what in a community's Grand Party Committee, asked by this service itself whatever the
 * gateway checked: its admins (the community's, its street's, the district's) run the committee; its
 * member units claim and deliver; everyone in the community reads.
 */
@Component
public record CommunityAccess(GridTree gridTree, Jurisdictions jurisdictions, DatabaseClient db) {

    public static boolean isAdmin(Caller caller) {
        return caller.hasAny(Role.COMMUNITY_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN);
    }

    /** 403 unless the caller is an admin whose jurisdiction covers the community; 404 for what is not a community. */
    public Mono<Void> requireAdminOf(Caller caller, UUID communityId) {
        if (!isAdmin(caller)) {
            return Mono.error(ProblemException.forbidden("Only community, street and district admins run the committee's projects."));
        }
        return gridTree.find(communityId)
                .filter(node -> "COMMUNITY".equals(node.kind()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("community", communityId)))
                .then(jurisdictions.require(caller, communityId));
    }

    public Mono<Boolean> isAdminOf(Caller caller, UUID communityId) {
        return isAdmin(caller) ? jurisdictions.covers(caller, communityId) : Mono.just(false);
    }

    /** The caller's unit, when the caller is a member unit of the community's committee; 403 otherwise. */
    public Mono<UUID> requireUnitIn(Caller caller, UUID communityId) {
        return unitIn(caller, communityId).switchIfEmpty(Mono.error(() -> ProblemException.forbidden(
                "Only a member unit of this community's Grand Party Committee does this.")));
    }

    private Mono<UUID> unitIn(Caller caller, UUID communityId) {
        Optional<UUID> unit = caller.has(Role.UNIT) ? caller.unitId() : Optional.empty();
        return unit.isEmpty() ? Mono.empty()
                : isMember(unit.get(), communityId).filter(Boolean::booleanValue).map(member -> unit.get());
    }

    /** Whether the unit is a member of the community's Grand Party Committee. */
    public Mono<Boolean> isMember(UUID unitId, UUID communityId) {
        return db.sql("select exists (select 1 from unit where id = :unit and community_ids @> array[:community]::uuid[])")
                .bind("unit", unitId).bind("community", communityId)
                .map(row -> row.get(0, Boolean.class)).one();
    }

    /**
     * Everyone in the community reads its projects and reviews: admins and staff whose jurisdiction
     * covers it or lies inside it, residents and party members placed inside it, its member units.
     */
    public Mono<Boolean> canRead(Caller caller, UUID communityId) {
        Optional<UUID> place = caller.jurisdictionId();
        Mono<Boolean> byPlace = place.isEmpty() ? Mono.just(false)
                : jurisdictions.covers(caller, communityId)
                        .flatMap(covers -> covers ? Mono.just(true)
                                : gridTree.find(place.get()).map(node -> node.isWithin(communityId)).defaultIfEmpty(false));
        return byPlace.flatMap(inside -> inside ? Mono.just(true) : unitIn(caller, communityId).hasElement());
    }
}
