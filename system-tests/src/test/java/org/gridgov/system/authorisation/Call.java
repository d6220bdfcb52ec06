package org.gridgov.system.authorisation;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * One call of the public API and who gets what from it. The path (and body) are made from the world
 * for each caller, so a state-changing call meets a fresh target in the state it needs.
 *
 * <p>Every actor not named gets 403: their role may never make the call, or the jurisdiction they
 * hold does not cover the target, where the target's existence is no secret (a grid, a unit).
 * {@code hidden} actors get 404: the target (a wish, a person) is none of theirs, and a 403 would
 * tell them that it exists.
 */
record Call(String method, String name, Function<MatrixWorld, String> path, Function<MatrixWorld, Object> body,
            int success, Set<Actor> allowed, Set<Actor> hidden, Set<Actor> seePersonalData, Set<Actor> seeTarget) {

    static Call get(String name, Function<MatrixWorld, String> path) {
        return new Call("GET", name, path, world -> null, 200, Set.of(), Set.of(), Set.of(), Set.of());
    }

    static Call post(String name, Function<MatrixWorld, String> path, Function<MatrixWorld, Object> body) {
        return new Call("POST", name, path, body, 200, Set.of(), Set.of(), Set.of(), Set.of());
    }

    static Call delete(String name, Function<MatrixWorld, String> path) {
        return new Call("DELETE", name, path, world -> null, 200, Set.of(), Set.of(), Set.of(), Set.of());
    }

    static Call put(String name, Function<MatrixWorld, String> path, Function<MatrixWorld, Object> body) {
        return new Call("PUT", name, path, body, 200, Set.of(), Set.of(), Set.of(), Set.of());
    }

    static Call patch(String name, Function<MatrixWorld, String> path, Function<MatrixWorld, Object> body) {
        return new Call("PATCH", name, path, body, 200, Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Who succeeds, and with which status. */
    Call ok(int status, Actor... actors) {
        return new Call(method, name, path, body, status, of(actors), hidden, seePersonalData, seeTarget);
    }

    Call ok(Actor... actors) {
        return ok(success, actors);
    }

    Call hidden(Actor... actors) {
        return new Call(method, name, path, body, success, allowed, of(actors), seePersonalData, seeTarget);
    }

    /** Who may read the resident's name and phone in the reply; by default the resident and the grid's staff. */
    Call personalDataFor(Actor... actors) {
        return new Call(method, name, path, body, success, allowed, hidden, of(actors), seeTarget);
    }

    /** For a list: who must find the target of A in it (so that an empty list cannot pass for a safe one). */
    Call listsTargetFor(Actor... actors) {
        return new Call(method, name, path, body, success, allowed, hidden, seePersonalData, of(actors));
    }

    int expectedFor(Actor actor) {
        return allowed.contains(actor) ? success : hidden.contains(actor) ? 404 : 403;
    }

    boolean mayReadPersonalData(Actor actor) {
        return (seePersonalData.isEmpty() ? Set.of(Actor.RESIDENT, Actor.STAFF_A) : seePersonalData).contains(actor)
                && allowed.contains(actor);
    }

    private static Set<Actor> of(Actor... actors) {
        return actors.length == 0 ? Set.of() : EnumSet.of(actors[0], actors);
    }
}
