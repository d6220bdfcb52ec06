package org.gridgov.member.points.domain;

/** Why points moved. Every ledger transaction names one, with the id of the record behind it. */
public enum CauseKind {
    /** A wish the member served was closed by the resident; the cause id is the wish. */
    WISH_CLOSED,
    /** The member took part in a joint activity (活动联办) that was completed; the cause id is the activity. */
    ACTIVITY,
    /** Grid staff approved a service record (服务纪实); the cause id is the record. */
    SERVICE_RECORD,
    /** The member exchanged points in the points store (积分超市); the cause id is the redemption. */
    REDEMPTION,
    /** Points earned before a cut-off lapsed; the cause id names the cut-off. */
    EXPIRY,
    /** An admin corrected a balance, with a reason; the cause id is the correction. */
    CORRECTION
}
