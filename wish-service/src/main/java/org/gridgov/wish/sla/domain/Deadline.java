package org.gridgov.wish.sla.domain;

import java.time.Instant;

/** When the running step must be done, and when to remind whoever holds it. */
public record Deadline(SlaStep step, Instant startedAt, Instant dueAt, Instant remindAt) {
}
