package org.gridgov.wish.wish.domain;

import org.gridgov.kit.domain.Refusal;

/** A command the workflow does not allow; nothing about the wish changed. */
public class WishRefused extends Refusal {

    public enum Reason {
        /** The actor may not even know the wish exists. */
        NOT_VISIBLE,
        /** The actor sees the wish but their role or standing does not allow this. */
        NOT_ALLOWED,
        /** The wish is not in a status where this can happen. */
        WRONG_STATE,
        /** The command itself is malformed. */
        INVALID
    }

    private final Reason reason;

    public WishRefused(Reason reason, String message) {
        this(reason, null, message);
    }

    /** @param code a stable code for refusals a client may want to tell apart (the problem's {@code reason}) */
    public WishRefused(Reason reason, String code, String message) {
        super(switch (reason) {
            case NOT_VISIBLE -> Kind.NOT_FOUND;
            case NOT_ALLOWED -> Kind.FORBIDDEN;
            case WRONG_STATE -> Kind.CONFLICT;
            case INVALID -> Kind.INVALID;
        }, code, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
