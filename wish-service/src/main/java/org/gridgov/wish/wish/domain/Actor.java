package org.gridgov.wish.wish.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks, and where they stand towards one wish. The standing comes from read models the domain
 * does not see (the grid tree, community membership), so the adapters work it out and pass it in.
 *
 * @param coversWishArea        the actor's jurisdiction contains the wish's micro-grid
 * @param unitServesCommunity   the actor's unit belongs to the Grand Party Committee of the wish's community
 * @param memberServesCommunity the actor's party member is registered or dual-reported in that community
 */
public record Actor(String id, Set<ActorRole> roles, Optional<UUID> unit, Optional<UUID> member,
                    boolean coversWishArea, boolean unitServesCommunity, boolean memberServesCommunity) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(ActorRole role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.stream().anyMatch(ActorRole::isAdmin);
    }

    /** The first admin role the actor holds, lowest level first. */
    public Optional<ActorRole> adminRole() {
        return roles.stream().filter(ActorRole::isAdmin).sorted().findFirst();
    }
}
