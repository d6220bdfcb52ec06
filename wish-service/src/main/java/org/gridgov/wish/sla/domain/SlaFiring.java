package org.gridgov.wish.sla.domain;

import java.util.Optional;

/**
 * The outcome of firing a timer: the alert to announce if any, the timer that runs on (none once the
 * street level's deadline passed too: there is no one higher to escalate to), and whether a deadline
 * was missed (the wish no longer counts as on time).
 */
public record SlaFiring(Optional<SlaAlert> alert, Optional<SlaTimer> next, boolean breached) {
}
