package org.gridgov.identity.admin;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** User management's refusals as {@code application/problem+json}, typed as the services type theirs. */
@RestControllerAdvice(assignableTypes = {UserAdminApi.class, VolunteerLinkApi.class})
class UserAdminProblems {

    @ExceptionHandler(UserManagement.NotFound.class)
    ProblemDetail notFound(UserManagement.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(UserManagement.Forbidden.class)
    ProblemDetail forbidden(UserManagement.Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(UserManagement.Conflict.class)
    ProblemDetail conflict(UserManagement.Conflict e) {
        return problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(Directory.Unavailable.class)
    ProblemDetail unavailable(Directory.Unavailable e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", e.getMessage() + "; nothing was changed, try again");
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://gridgov.org/problems/" + slug));
        return problem;
    }
}
