package org.gridgov.committee.project.domain;

/**
 * Where a project of the Grand Party Committee stands (issue 17: OPEN → CLAIMED/OFFERED → SIGNED → COMPLETED →
 * REVIEWED_FINAL, plus DECLINED back to OPEN, SUPERSEDED and CANCELLED).
 */
public enum ProjectStatus {
    /** On the community's opportunity list (机会清单), for any of its units to claim. */
    OPEN,
    /** Assigned to a unit by a published project list; the unit signs or declines. */
    OFFERED,
    /** Taken off the opportunity list by a unit (揭榜); the unit signs or declines. */
    CLAIMED,
    /** The claim agreement (项目认领书) is signed; the unit delivers and reports progress. */
    SIGNED,
    /** The unit reported it done; it awaits the committee's review. */
    COMPLETED,
    /** Reviewed after completion: closed. */
    REVIEWED_FINAL,
    /** A newer version of the project list replaced it before anyone signed. */
    SUPERSEDED,
    /** An admin of the community cancelled it, with a reason; it is no longer supervised. */
    CANCELLED;

    /** A unit holds the project: it counts against the unit's quota. */
    public boolean isHeld() {
        return this == OFFERED || this == CLAIMED || this == SIGNED || this == COMPLETED || this == REVIEWED_FINAL;
    }

    /** Nobody has signed for it yet: a newer project list may replace it. */
    public boolean isUnsigned() {
        return this == OPEN || this == OFFERED || this == CLAIMED;
    }
}
