package org.gridgov.contracts.events;

import java.util.UUID;

/** Who claimed a wish: a member unit or a party member. */
public record Claimer(String kind, UUID id) {
}
