package org.gridgov.wish.wish.domain;

import java.util.Objects;
import java.util.UUID;

/** A member unit (成员单位) or a party member claiming in person (a "red partner"). */
public record Claimer(ClaimerKind kind, UUID id) {

    public Claimer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** Whether the actor speaks for this claimer: the unit's token for a unit, the member's own for a member. */
    public boolean isActedBy(Actor actor) {
        return switch (kind) {
            case UNIT -> actor.has(ActorRole.UNIT) && actor.unit().filter(id::equals).isPresent();
            case PARTY_MEMBER -> actor.has(ActorRole.PARTY_MEMBER) && actor.member().filter(id::equals).isPresent();
        };
    }

    public ActorRole actingRole() {
        return kind == ClaimerKind.UNIT ? ActorRole.UNIT : ActorRole.PARTY_MEMBER;
    }
}
