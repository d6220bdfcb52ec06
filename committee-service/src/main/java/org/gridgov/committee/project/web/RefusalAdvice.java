package org.gridgov.committee.project.web;

import org.gridgov.committee.project.domain.ProjectRefused;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A project rule's refusal is the caller's problem: 400 naming the field, 403 for another unit's
 * project, 409 for a conflict with the project's state. Ordered ahead of the kit's catch-all, which
 * would otherwise make it a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    private final ProblemWriter writer;

    RefusalAdvice(ProblemWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(ProjectRefused.class)
    Mono<Void> refused(ProjectRefused refusal, ServerWebExchange exchange) {
        return writer.write(exchange, asProblem(refusal).toProblemDetail());
    }

    static ProblemException asProblem(ProjectRefused refusal) {
        return switch (refusal.kind()) {
            case INVALID -> ProblemException.invalidField(refusal.field(), refusal.getMessage());
            case NOT_YOURS -> ProblemException.forbidden(refusal.getMessage());
            case CONFLICT -> ProblemException.conflict(refusal.getMessage());
        };
    }
}
