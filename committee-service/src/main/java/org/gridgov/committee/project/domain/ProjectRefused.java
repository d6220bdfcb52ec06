package org.gridgov.committee.project.domain;

/**
 * A business rule refused a command on a project. The domain throws it without knowing about HTTP;
 * the web layer makes {@link Kind#INVALID} a 400 naming the field, {@link Kind#NOT_YOURS} a 403 and
 * {@link Kind#CONFLICT} a 409. Messages are shown to the caller, so they never carry personal data.
 */
public final class ProjectRefused extends RuntimeException {

    public enum Kind { INVALID, NOT_YOURS, CONFLICT }

    private final Kind kind;
    private final String field;

    private ProjectRefused(Kind kind, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.field = field;
    }

    public static ProjectRefused invalid(String field, String detail) {
        return new ProjectRefused(Kind.INVALID, field, detail);
    }

    public static ProjectRefused notYours(String detail) {
        return new ProjectRefused(Kind.NOT_YOURS, null, detail);
    }

    public static ProjectRefused conflict(String detail) {
        return new ProjectRefused(Kind.CONFLICT, null, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, for {@link Kind#INVALID}; null otherwise. */
    public String field() {
        return field;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
