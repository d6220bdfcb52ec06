package org.gridgov.fieldwork.operation.domain;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A party member or member unit called out to an operation, and how they reported in: on the way, arrived (the hours
 * count from the first arrival) or unavailable. Having arrived, nobody is on the way again.
 */
public record Callee(UUID operationId, Kind kind, UUID id, String groupName, UUID callOutId, Instant calledAt,
                     Status status, Instant reportedAt, Instant arrivedAt) {

    public enum Kind { MEMBER, UNIT }

    public enum Status {
        CALLED, ON_THE_WAY, ARRIVED, UNAVAILABLE;

        /** Whether the callee answered the call, coming. */
        public boolean acknowledged() {
            return this == ON_THE_WAY || this == ARRIVED;
        }
    }

    public static Callee called(UUID operationId, Kind kind, UUID id, String groupName, UUID callOutId, Instant at) {
        return new Callee(operationId, kind, id, groupName, callOutId, at, Status.CALLED, null, null);
    }

    public Callee report(Status reported, Instant at) {
        if (reported == null || reported == Status.CALLED) {
            throw Refusal.invalidField("status", "Report ON_THE_WAY, ARRIVED or UNAVAILABLE.");
        }
        if (reported == Status.ON_THE_WAY && status == Status.ARRIVED) {
            throw Refusal.conflict("You have arrived already.");
        }
        return new Callee(operationId, kind, id, groupName, callOutId, calledAt, reported, at,
                reported == Status.ARRIVED && arrivedAt == null ? at : arrivedAt);
    }
}
