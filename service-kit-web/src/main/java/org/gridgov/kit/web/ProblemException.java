package org.gridgov.kit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.kit.domain.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the caller can act on, rendered as RFC 9457 problem+json with a stable {@code type}.
 * Messages must never contain another community's data or a resident's personal data.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }

    /** What the caller sees of a business rule's refusal; its {@code reason}, if any, as a property. */
    public static ProblemException of(Refusal refusal) {
        ProblemException problem = switch (refusal.kind()) {
            case INVALID -> refusal.field() == null ? invalid(refusal.getMessage())
                    : invalidField(refusal.field(), refusal.getMessage());
            case FORBIDDEN -> forbidden(refusal.getMessage());
            case NOT_FOUND -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", refusal.getMessage());
            case CONFLICT -> conflict(refusal.getMessage());
        };
        return refusal.code() == null ? problem : problem.with("reason", refusal.code());
    }

    /** A 400 naming the field at fault and what it should hold, in the problem's {@code errors} member. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", field + ": " + message)
                .withErrors(List.of(new FieldError(field, message)));
    }

    /**
     * A 422 for ids that name nothing this service knows of (a member, a unit, a household …), each
     * listed with its field: the request was well formed, but cannot be carried out as it stands.
     */
    public static ProblemException unknownReferences(List<FieldError> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference",
                "The request names something this platform does not know: see errors.").withErrors(errors);
    }

    public ProblemException withErrors(List<FieldError> errors) {
        return with(FieldError.PROBLEM_MEMBER, FieldError.asMembers(errors));
    }

    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(Problems.type(slug));
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** Stack traces of expected failures add noise, not information. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
