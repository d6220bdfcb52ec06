package org.gridgov.member.web;

import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.web.ProblemWriter;
import org.gridgov.member.domain.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A business rule's refusal is the caller's problem: 400 for bad input, 409 for a conflict with
 * the current state, with a stable {@code reason} where clients tell conflicts apart. Ordered
 * ahead of the kit's catch-all, which would otherwise make it a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    private final ProblemWriter writer;

    RefusalAdvice(ProblemWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(Refusal.class)
    Mono<Void> refused(Refusal refusal, ServerWebExchange exchange) {
        return writer.write(exchange, asProblem(refusal).toProblemDetail());
    }

    static ProblemException asProblem(Refusal refusal) {
        if (refusal.kind() == Refusal.Kind.INVALID) {
            return ProblemException.invalid(refusal.getMessage());
        }
        ProblemException conflict = new ProblemException(HttpStatus.CONFLICT, "conflict", refusal.getMessage());
        return refusal.reason() == null ? conflict : conflict.with("reason", refusal.reason());
    }
}
