package org.gridgov.member.domain;

/**
 * A business rule refused a command. The domain throws it without knowing about HTTP; the web
 * layer turns {@link Kind#INVALID} into a 400 and {@link Kind#CONFLICT} into a 409 problem.
 * Messages are shown to the caller, so they never carry personal data.
 */
public final class Refusal extends RuntimeException {

    public enum Kind { INVALID, CONFLICT }

    private final Kind kind;
    private final String reason;

    private Refusal(Kind kind, String reason, String detail) {
        super(detail);
        this.kind = kind;
        this.reason = reason;
    }

    public static Refusal invalid(String detail) {
        return new Refusal(Kind.INVALID, null, detail);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, null, detail);
    }

    /** A conflict a client may want to tell apart from others, e.g. {@code INSUFFICIENT_POINTS}. */
    public static Refusal conflict(String reason, String detail) {
        return new Refusal(Kind.CONFLICT, reason, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable code for the conflict, or null. */
    public String reason() {
        return reason;
    }

    // expected refusals: a stack trace adds nothing
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
