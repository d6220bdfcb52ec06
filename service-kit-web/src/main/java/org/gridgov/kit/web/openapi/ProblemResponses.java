package org.gridgov.kit.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem answers an operation gives beyond those {@link ProblemResponsesCustomizer} derives from
 * its shape (400 with inputs, 401/403 under {@code /api}, 404 with a path id, 422 for a command):
 * typically {@code @ProblemResponses(409)} on a state change. The API description then lists them
 * with the shared problem+json schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

    /** HTTP statuses, each one of {@link ApiProblems}' (400, 401, 403, 404, 409, 422, 429, 503). */
    int[] value();
}
