package org.gridgov.member.member.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A party member placed in a community (and a grid once known).
 *
 * @param phone          personal data; see {@link org.gridgov.member.privacy.PhoneNumbers}
 * @param dualReport     present once an in-service member reported in to the community
 */
public record PartyMember(UUID id, String name, MemberKind kind, UUID communityId, Optional<UUID> gridId,
                          Optional<String> phone, Optional<DualReport> dualReport, Instant registeredAt) {

    public PartyMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(communityId, "communityId");
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("A party member needs a name.");
        }
    }

    /**
     * Records dual reporting (双报到): the member reports in to {@code communityId}, which becomes the
     * community they serve and are ranked in, and names their employer. A grid outside that
     * community no longer applies.
     *
     * @param gridStillInCommunity whether the member's current grid lies in {@code communityId}
     */
    public PartyMember dualReport(UUID communityId, String workUnit, Optional<UUID> workUnitId,
                                  boolean gridStillInCommunity, Instant at) {
        if (kind != MemberKind.IN_SERVICE) {
            throw Refusal.conflict("NOT_IN_SERVICE", "Only in-service party members dual-report; this member is " + kind + ".");
        }
        if (workUnit == null || workUnit.isBlank()) {
            throw Refusal.invalid("Dual reporting names the member's work unit.");
        }
        return new PartyMember(id, name, kind, communityId, gridStillInCommunity ? gridId : Optional.empty(), phone,
                Optional.of(new DualReport(communityId, workUnit.strip(), workUnitId, at)), registeredAt);
    }

    /** Whether this dual report would change nothing (a repeat of the one on record). */
    public boolean alreadyReported(UUID communityId, String workUnit, Optional<UUID> workUnitId) {
        return dualReport.filter(report -> report.communityId().equals(communityId)
                && report.workUnit().equals(workUnit == null ? null : workUnit.strip())
                && report.workUnitId().equals(workUnitId)).isPresent();
    }

    /** The grid-tree node the member is placed at: their grid, or their community without one. */
    public UUID placement() {
        return gridId.orElse(communityId);
    }

    public record DualReport(UUID communityId, String workUnit, Optional<UUID> workUnitId, Instant reportedAt) {
    }
}
