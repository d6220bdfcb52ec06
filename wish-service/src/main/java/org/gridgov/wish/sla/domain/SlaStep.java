package org.gridgov.wish.sla.domain;

import java.util.Optional;

import org.gridgov.wish.wish.domain.WishStatus;

/** The workflow step a deadline is about; each open status has one, a final status none. */
public enum SlaStep {
    DISPATCH, CLAIM, FULFIL, CLOSE;

    public static Optional<SlaStep> waitingIn(WishStatus status) {
        return switch (status) {
            case SUBMITTED -> Optional.of(DISPATCH);
            case DISPATCHED -> Optional.of(CLAIM);
            case CLAIMED -> Optional.of(FULFIL);
            case FULFILLED -> Optional.of(CLOSE);
            case CLOSED, REJECTED, CANCELLED -> Optional.empty();
            // no step of its own: the step it came from is paused (SlaTimerStore.pause), not ended
            case AWAITING_INFO -> Optional.empty();
        };
    }
}
