package org.gridgov.wish.wish.domain;

/** Where a wish stands in the order → dispatch → claim → close workflow (docs/design.md §4). */
public enum WishStatus {
    SUBMITTED, DISPATCHED, CLAIMED, FULFILLED, CLOSED, REJECTED, CANCELLED,
    /** The grid asked the resident a question; back to the status before once answered. */
    AWAITING_INFO;

    /** Nothing happens to a wish any more once it is here, but a closed wish its resident reopens within 7 days. */
    public boolean isFinal() {
        return this == CLOSED || this == REJECTED || this == CANCELLED;
    }

    /** A claimer holds the wish and may see the resident's personal data to serve them. */
    public boolean isHeldByClaimer() {
        return this == CLAIMED || this == FULFILLED;
    }
}
