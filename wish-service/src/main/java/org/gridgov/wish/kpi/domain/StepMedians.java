package org.gridgov.wish.kpi.domain;

import java.time.Duration;
import java.util.Optional;

/** Median time each step took, over the wishes that went through it; empty where none did. */
public record StepMedians(Optional<Duration> submitToDispatch, Optional<Duration> dispatchToClaim,
                          Optional<Duration> claimToFulfil, Optional<Duration> fulfilToClose) {
}
