package org.gridgov.grid.importing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An import as its requester follows it: progress while it runs ({@code rowsDone} of
 * {@code rowsTotal}: document rows while validating, rows written while applying), then the
 * counts per section or the problems that refused it.
 */
public record ImportReport(UUID id, ImportStatus status, String requestedBy, Optional<UUID> communityId,
                           int rowsDone, int rowsTotal, Map<String, SectionCounts> summary,
                           List<ImportProblem> problems, int problemCount, Instant createdAt,
                           Optional<Instant> finishedAt) {
}
