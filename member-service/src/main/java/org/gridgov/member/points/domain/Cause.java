package org.gridgov.member.points.domain;

import java.util.Objects;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * What made points move, so every entry traces back to its origin.
 *
 * @param reason why, required for a correction and an expiry; null otherwise
 * @param actor  who made a correction (the admin's subject); null for automatic causes
 */
public record Cause(CauseKind kind, UUID id, String reason, String actor) {

    public Cause {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind == CauseKind.CORRECTION && (isBlank(reason) || isBlank(actor))) {
            throw Refusal.invalid("A correction needs a reason and the person who made it.");
        }
        if (kind == CauseKind.EXPIRY && isBlank(reason)) {
            throw Refusal.invalid("An expiry needs the rule that made the points lapse.");
        }
    }

    public static Cause wishClosed(UUID wishId) {
        return new Cause(CauseKind.WISH_CLOSED, wishId, null, null);
    }

    public static Cause activity(UUID activityId) {
        return new Cause(CauseKind.ACTIVITY, activityId, null, null);
    }

    public static Cause serviceRecord(UUID recordId) {
        return new Cause(CauseKind.SERVICE_RECORD, recordId, null, null);
    }

    public static Cause redemption(UUID redemptionId) {
        return new Cause(CauseKind.REDEMPTION, redemptionId, null, null);
    }

    public static Cause expiry(UUID cutOffId, String rule) {
        return new Cause(CauseKind.EXPIRY, cutOffId, rule, null);
    }

    public static Cause correction(UUID correctionId, String reason, String actor) {
        return new Cause(CauseKind.CORRECTION, correctionId, reason, actor);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
