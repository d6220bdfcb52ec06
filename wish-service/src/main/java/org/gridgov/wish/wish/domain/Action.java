package org.gridgov.wish.wish.domain;

/** What an entry of a wish's history records: a transition, or a reminder or escalation by an SLA timer. */
public enum Action {
    SUBMITTED, DISPATCHED, REJECTED, CLAIMED, RELEASED, FULFILLED, CLOSED, CANCELLED, REMINDED, ESCALATED,
    REOPENED, URGED, INFORMATION_REQUESTED, INFORMATION_GIVEN
}
