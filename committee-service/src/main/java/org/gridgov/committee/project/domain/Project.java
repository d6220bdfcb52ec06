package org.gridgov.committee.project.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;

/**
 * A project of a community's Grand Party Committee for one year: what it answers (the needs), who holds
 * it (a member unit, once offered or claimed), where it stands, and why an admin cancelled it. Every command returns the project
 * as it is afterwards, or refuses; {@code revision} lets the store accept only the first of two racing
 * commands.
 */
public record Project(UUID id, UUID communityId, int year, String title, Category category, String description,
                      List<UUID> needIds, ProjectStatus status, UUID unitId, UUID projectListId, int percent,
                      Instant createdAt, Instant updatedAt, int revision, String cancelReason) {

    public Project {
        needIds = List.copyOf(needIds);
    }

    /** A project put on the opportunity list: by an admin, or a need a project list left unmatched. */
    public static Project open(UUID communityId, int year, String title, Category category, String description,
                               List<UUID> needIds, UUID projectListId, Instant at) {
        if (title == null || title.isBlank()) {
            throw Refusal.invalidField("title", "A project needs a title.");
        }
        return new Project(UUID.randomUUID(), communityId, year, title.strip(), category, description, needIds,
                ProjectStatus.OPEN, null, projectListId, 0, at, at, 0, null);
    }

    /** A need a published project list assigned to a unit. */
    public static Project offered(UUID communityId, int year, String title, Category category, List<UUID> needIds,
                                  UUID unitId, UUID projectListId, Instant at) {
        return new Project(UUID.randomUUID(), communityId, year, title, category, null, needIds, ProjectStatus.OFFERED,
                unitId, projectListId, 0, at, at, 0, null);
    }

    /** 揭榜: a unit of the community takes an open project; the first one wins. */
    public Project claim(UUID unit, Instant at) {
        if (status != ProjectStatus.OPEN) {
            throw Refusal.conflict("Only an OPEN project can be claimed; this one is " + status + ".");
        }
        return with(ProjectStatus.CLAIMED, unit, percent, at);
    }

    /** The unit offered the project, or that claimed it, gives it back before signing: it goes to the opportunity list. */
    public Project decline(UUID unit, Instant at) {
        requireHeldBy(unit);
        if (status != ProjectStatus.OFFERED && status != ProjectStatus.CLAIMED) {
            throw Refusal.conflict("Only an OFFERED or CLAIMED project can be declined; this one is " + status + ".");
        }
        return with(ProjectStatus.OPEN, null, percent, at);
    }

    public Project sign(UUID unit, Instant at) {
        requireHeldBy(unit);
        if (status != ProjectStatus.OFFERED && status != ProjectStatus.CLAIMED) {
            throw Refusal.conflict("Only an OFFERED or CLAIMED project can be signed; this one is " + status + ".");
        }
        return with(ProjectStatus.SIGNED, unit, percent, at);
    }

    public Project progress(UUID unit, int newPercent, Instant at) {
        requireHeldBy(unit);
        if (status != ProjectStatus.SIGNED) {
            throw Refusal.conflict("Progress is reported on a SIGNED project; this one is " + status + ".");
        }
        if (newPercent < 0 || newPercent > 100) {
            throw Refusal.invalidField("percent", "percent must be between 0 and 100.");
        }
        if (newPercent < percent) {
            throw Refusal.invalidField("percent", "percent cannot go back from " + percent + ".");
        }
        return with(status, unitId, newPercent, at);
    }

    public Project complete(UUID unit, Instant at) {
        requireHeldBy(unit);
        if (status != ProjectStatus.SIGNED) {
            throw Refusal.conflict("Only a SIGNED project can be completed; this one is " + status + ".");
        }
        return with(ProjectStatus.COMPLETED, unitId, 100, at);
    }

    /** The committee's quarterly review; reviewing a completed project closes it. */
    public Project review(Instant at) {
        return switch (status) {
            case SIGNED -> with(status, unitId, percent, at);
            case COMPLETED -> with(ProjectStatus.REVIEWED_FINAL, unitId, percent, at);
            default -> throw Refusal.conflict("Only SIGNED or COMPLETED projects are reviewed; this one is "
                    + status + ".");
        };
    }

    /** A newer version of the project list replaces what nobody signed for. */
    public Project supersede(Instant at) {
        if (!status.isUnsigned()) {
            throw new IllegalStateException("a " + status + " project is not superseded");
        }
        return with(ProjectStatus.SUPERSEDED, unitId, percent, at);
    }

    /**
     * An admin of the community cancels the project, saying why: it leaves the opportunity list or its unit's
     * hands (and quota), and its milestones are no longer supervised. A project reviewed after completion, or
     * already superseded or cancelled, is settled.
     */
    public Project cancel(String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalidField("reason", "Say why the project is cancelled.");
        }
        if (status == ProjectStatus.REVIEWED_FINAL || status == ProjectStatus.SUPERSEDED
                || status == ProjectStatus.CANCELLED) {
            throw Refusal.conflict("A " + status + " project can no longer be cancelled.");
        }
        return new Project(id, communityId, year, title, category, description, needIds, ProjectStatus.CANCELLED, unitId,
                projectListId, percent, createdAt, at, revision + 1, reason.strip());
    }

    private void requireHeldBy(UUID unit) {
        if (unitId == null || !unitId.equals(unit)) {
            throw Refusal.forbidden("This project is not held by your unit.");
        }
    }

    private Project with(ProjectStatus newStatus, UUID newUnit, int newPercent, Instant at) {
        return new Project(id, communityId, year, title, category, description, needIds, newStatus, newUnit,
                projectListId, newPercent, createdAt, at, revision + 1, cancelReason);
    }

    public boolean isHeldBy(UUID unit) {
        return Objects.equals(unitId, unit);
    }
}
