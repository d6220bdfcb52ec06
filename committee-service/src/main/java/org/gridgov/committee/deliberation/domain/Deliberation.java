package org.gridgov.committee.deliberation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A matter of the community decided by 四议两公开: four steps in order, each a meeting's motion passed — the party
 * committee proposes, the two committees discuss, the party members' assembly reviews, the residents' representatives
 * resolve — a failed one ends it; then the resolution is disclosed and, later, the implementation result.
 */
public record Deliberation(UUID id, UUID communityId, String title, String description, List<UUID> needIds,
                           List<Step> steps, Status status, Instant createdAt, int revision) {

    /** The four deliberations, in their order. */
    public enum Stage { PARTY_PROPOSAL, TWO_COMMITTEES, MEMBERS_ASSEMBLY, RESIDENTS_RESOLUTION }

    public enum Status { IN_PROGRESS, FAILED, RESOLVED, RESOLUTION_DISCLOSED, RESULT_DISCLOSED }

    /** The two disclosures. */
    public enum Disclosure { RESOLUTION, IMPLEMENTATION_RESULT }

    /** A step taken: the meeting and its decided motion; a failed one ends the deliberation. */
    public record Step(Stage stage, UUID meetingId, UUID motionId, boolean passed, Instant takenAt) {
    }

    public Deliberation {
        needIds = List.copyOf(needIds);
        steps = List.copyOf(steps);
    }

    public static Deliberation open(UUID communityId, String title, String description, List<UUID> needIds, Instant at) {
        return new Deliberation(UUID.randomUUID(), communityId, title, description, needIds, List.of(),
                Status.IN_PROGRESS, at, 0);
    }

    /** The stage the next step takes, while the deliberation is under way. */
    public Stage nextStage() {
        return Stage.values()[steps.size()];
    }

    /** Takes the next step with a motion its meeting decided: passed, the step is done; failed, the matter ends. */
    public Deliberation take(UUID meetingId, UUID motionId, boolean decided, boolean passed, Instant at) {
        if (status != Status.IN_PROGRESS) {
            throw Refusal.conflict("The deliberation is " + status + ": it takes no more steps.");
        }
        if (!decided) {
            throw Refusal.conflict("MOTION_OPEN", "The motion is still open: close it first.");
        }
        if (steps.stream().anyMatch(step -> step.motionId().equals(motionId))) {
            throw Refusal.invalidField("motionId", "This motion already decided an earlier step.");
        }
        List<Step> taken = new ArrayList<>(steps);
        taken.add(new Step(nextStage(), meetingId, motionId, passed, at));
        Status next = !passed ? Status.FAILED : taken.size() == Stage.values().length ? Status.RESOLVED : Status.IN_PROGRESS;
        return new Deliberation(id, communityId, title, description, needIds, taken, next, createdAt, revision + 1);
    }

    /** 两公开: the resolution once resolved, the implementation result once the resolution is public. */
    public Deliberation disclose(Disclosure disclosure) {
        Status required = disclosure == Disclosure.RESOLUTION ? Status.RESOLVED : Status.RESOLUTION_DISCLOSED;
        if (status != required) {
            throw Refusal.conflict("The " + disclosure.name().toLowerCase().replace('_', ' ') + " is disclosed when the "
                    + "deliberation is " + required + "; it is " + status + ".");
        }
        return new Deliberation(id, communityId, title, description, needIds, steps,
                disclosure == Disclosure.RESOLUTION ? Status.RESOLUTION_DISCLOSED : Status.RESULT_DISCLOSED, createdAt,
                revision + 1);
    }
}
