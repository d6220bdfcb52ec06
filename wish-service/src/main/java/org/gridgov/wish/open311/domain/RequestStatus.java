package org.gridgov.wish.open311.domain;

import java.util.List;
import java.util.Optional;

import org.gridgov.wish.wish.domain.Action;
import org.gridgov.wish.wish.domain.EscalationLevel;
import org.gridgov.wish.wish.domain.HistoryEntry;
import org.gridgov.wish.wish.domain.WishStatus;

/** How a wish's workflow status reads in GeoReport v2: {@code open} or {@code closed}, with the detail in {@code status_notes}. */
public final class RequestStatus {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    private RequestStatus() {
    }

    public static String of(WishStatus status) {
        return statusesFor(CLOSED).contains(status) ? CLOSED : OPEN;
    }

    /** The workflow statuses an Open311 status stands for. */
    public static List<WishStatus> statusesFor(String open311Status) {
        return switch (open311Status) {
            case OPEN -> List.of(WishStatus.SUBMITTED, WishStatus.DISPATCHED, WishStatus.CLAIMED, WishStatus.FULFILLED,
                    WishStatus.AWAITING_INFO);
            case CLOSED -> List.of(WishStatus.CLOSED, WishStatus.REJECTED, WishStatus.CANCELLED);
            default -> throw Open311Refusal.badRequest("status must be open or closed (comma-separated for both), not "
                    + open311Status + ".");
        };
    }

    /** The workflow status in words, and why it ended where a reason was given. */
    public static String notes(WishStatus status, EscalationLevel level, List<HistoryEntry> history) {
        Optional<String> reason = history.stream()
                .filter(entry -> entry.action() == Action.REJECTED || entry.action() == Action.CANCELLED)
                .reduce((first, second) -> second).flatMap(HistoryEntry::reason);
        String notes = switch (status) {
            case SUBMITTED -> "SUBMITTED: received, waiting for the grid to dispatch it.";
            case DISPATCHED -> "DISPATCHED: waiting for a member unit or party member to claim it.";
            case CLAIMED -> "CLAIMED: a member unit or party member is serving it.";
            case FULFILLED -> "FULFILLED: served, waiting for the resident to confirm.";
            case CLOSED -> "CLOSED: the resident confirmed the service.";
            case AWAITING_INFO -> "AWAITING_INFO: the grid asked the resident for more information.";
            case REJECTED -> "REJECTED by the grid" + reason.map(r -> ": " + r).orElse(".");
            case CANCELLED -> "CANCELLED by the resident" + reason.map(r -> ": " + r).orElse(".");
        };
        return level.isEscalated() && of(status).equals(OPEN) ? notes + " Escalated to the " + level.name() + " level." : notes;
    }

    /** A history entry as a GeoReport v2 note summary. */
    public static String summary(Action action) {
        return switch (action) {
            case SUBMITTED -> "Request received";
            case DISPATCHED -> "Dispatched by the grid";
            case REJECTED -> "Rejected by the grid";
            case CLAIMED -> "Claimed";
            case RELEASED -> "Released by the claimer, open for claiming again";
            case FULFILLED -> "Reported served";
            case CLOSED -> "Closed by the resident";
            case CANCELLED -> "Cancelled by the resident";
            case REMINDED -> "SLA reminder";
            case ESCALATED -> "Escalated";
            case REOPENED -> "Reopened by the resident";
            case URGED -> "Urged by the resident";
            case INFORMATION_REQUESTED -> "The grid asked for more information";
            case INFORMATION_GIVEN -> "The resident answered";
        };
    }
}
