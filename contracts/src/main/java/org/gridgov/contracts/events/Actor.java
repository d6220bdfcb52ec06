package org.gridgov.contracts.events;

/** Who made a wish's transition: a user, unit or client id and its role; SYSTEM for the SLA timers. */
public record Actor(String id, String role) {
}
