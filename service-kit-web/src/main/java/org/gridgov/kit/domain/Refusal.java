package org.gridgov.kit.domain;

/**
 * A business rule refused a command; nothing changed. Domain code throws it without knowing about
 * HTTP (this package is plain Java); the kit's web layer answers with problem+json: 400 for
 * {@link Kind#INVALID}, 403 {@link Kind#FORBIDDEN}, 404 {@link Kind#NOT_FOUND}, 409 {@link Kind#CONFLICT},
 * with a stable {@code reason} code where clients tell refusals apart. Messages are shown to the
 * caller, so they never carry personal data.
 */
public class Refusal extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;
    private final String field;

    protected Refusal(Kind kind, String code, String detail) {
        this(kind, code, null, detail);
    }

    private Refusal(Kind kind, String code, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static Refusal invalid(String detail) {
        return new Refusal(Kind.INVALID, null, detail);
    }

    /** Invalid input, naming the field at fault (the problem's {@code errors[].field}), e.g. {@code milestones[0].dueDate}. */
    public static Refusal invalidField(String field, String detail) {
        return new Refusal(Kind.INVALID, null, field, detail);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, null, detail);
    }

    /** The thing does not exist, or the caller may not know that it does. */
    public static Refusal notFound(String what, Object id) {
        return new Refusal(Kind.NOT_FOUND, null, what + " " + id + " does not exist");
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, null, detail);
    }

    /** A conflict a client may want to tell apart from others, e.g. {@code INSUFFICIENT_POINTS}. */
    public static Refusal conflict(String code, String detail) {
        return new Refusal(Kind.CONFLICT, code, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable code for the refusal (the problem's {@code reason}), or null. */
    public String code() {
        return code;
    }

    /** The request field at fault of an {@link Kind#INVALID} refusal, or null. */
    public String field() {
        return field;
    }

    // expected refusals: a stack trace adds nothing
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
