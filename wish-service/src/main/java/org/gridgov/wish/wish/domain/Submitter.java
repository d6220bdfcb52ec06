package org.gridgov.wish.wish.domain;

/** Who ordered the wish: the resident, grid staff on the resident's behalf, or a client app (a hotline). */
public record Submitter(String id, ActorRole role) {

    public boolean is(Actor actor) {
        return id.equals(actor.id()) && actor.has(role);
    }
}
