package org.gridgov.wish.wish;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.wish.access.StaffAndAdmins;
import org.gridgov.wish.readmodel.CommunityMembership;
import org.gridgov.wish.wish.domain.Actor;
import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.wish.wish.domain.ClaimerKind;
import org.gridgov.wish.wish.domain.Placement;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Works out where a verified caller stands towards wishes, from the grid tree and the membership read model. */
@Component
public class Actors {

    private final Jurisdictions jurisdictions;
    private final CommunityMembership membership;

    Actors(Jurisdictions jurisdictions, CommunityMembership membership) {
        this.jurisdictions = jurisdictions;
        this.membership = membership;
    }

    /**
     * What the caller's token and the membership read model say, worked out once per request: the
     * caller's jurisdiction, and the communities their unit and party member serve.
     */
    public record Reach(Caller caller, Optional<UUID> jurisdiction, Set<UUID> unitCommunities,
                        Set<UUID> memberCommunities) {

        /** The caller as an actor towards a wish that lies in {@code community}. */
        public Actor towards(boolean coversWishArea, UUID community) {
            return new Actor(caller.subject(), roles(caller), unit(caller), member(caller), coversWishArea,
                    unitCommunities.contains(community), memberCommunities.contains(community));
        }

        /** The caller as an actor towards a wish, judging the jurisdiction by the wish's stored grid-tree path. */
        public Actor towards(List<UUID> areaPath, UUID community) {
            boolean covers = StaffAndAdmins.includes(caller) && jurisdiction.filter(areaPath::contains).isPresent();
            return towards(covers, community);
        }
    }

    public Mono<Reach> reachOf(Caller caller) {
        Mono<List<UUID>> units = caller.has(Role.UNIT) && unit(caller).isPresent()
                ? membership.communitiesOf(ClaimerKind.UNIT, unit(caller).get()) : Mono.just(List.of());
        Mono<List<UUID>> members = caller.has(Role.PARTY_MEMBER) && member(caller).isPresent()
                ? membership.communitiesOf(ClaimerKind.PARTY_MEMBER, member(caller).get()) : Mono.just(List.of());
        return Mono.zip(units, members).map(found -> new Reach(caller, caller.jurisdictionId(),
                Set.copyOf(found.getT1()), Set.copyOf(found.getT2())));
    }

    /** The caller as an actor towards a wish at {@code placement}, with the jurisdiction checked on the current grid tree. */
    public Mono<Actor> towards(Caller caller, Placement placement) {
        Mono<Boolean> covers = StaffAndAdmins.includes(caller)
                ? jurisdictions.covers(caller, placement.microGridId()) : Mono.just(false);
        return Mono.zip(reachOf(caller), covers)
                .map(found -> found.getT1().towards(found.getT2(), placement.communityId()));
    }


    private static Set<ActorRole> roles(Caller caller) {
        Set<ActorRole> roles = EnumSet.noneOf(ActorRole.class);
        // a role the workflow has no part for (a functional department's staff) makes the caller no one here
        caller.roles().forEach(role -> Arrays.stream(ActorRole.values()).filter(known -> known.name().equals(role.name()))
                .forEach(roles::add));
        return roles;
    }

    private static Optional<UUID> unit(Caller caller) {
        return caller.unitId();
    }

    private static Optional<UUID> member(Caller caller) {
        return caller.memberId();
    }
}
