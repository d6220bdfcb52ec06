package org.gridgov.committee.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A milestone of a signed agreement; {@code reachedAt} is set by the progress report that reaches it. */
public record Milestone(String title, LocalDate dueDate, Instant reachedAt) {

    /** Reached by the end of its due day (UTC), or not at all yet. */
    public boolean reachedOnTime() {
        return reachedAt != null && !reachedAt.isAfter(dueDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
