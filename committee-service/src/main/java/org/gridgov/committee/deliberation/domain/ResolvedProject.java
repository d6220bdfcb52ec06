package org.gridgov.committee.deliberation.domain;

import java.util.List;
import java.util.UUID;

/** A project a deliberation's resolution created, as it stands. */
public record ResolvedProject(UUID id, String title, String status) {

    /** Done as far as the implementation result goes: completed, or completed and reviewed. */
    public boolean completed() {
        return "COMPLETED".equals(status) || "REVIEWED_FINAL".equals(status);
    }

    /** Dropped on the way: cancelled, or replaced by a newer project list; it does not hold the result back. */
    public boolean dropped() {
        return "CANCELLED".equals(status) || "SUPERSEDED".equals(status);
    }

    /** The resolution is carried out: every project it created that was not dropped is completed, and one at least. */
    public static boolean allCompleted(List<ResolvedProject> projects) {
        List<ResolvedProject> kept = projects.stream().filter(project -> !project.dropped()).toList();
        return !kept.isEmpty() && kept.stream().allMatch(ResolvedProject::completed);
    }
}
