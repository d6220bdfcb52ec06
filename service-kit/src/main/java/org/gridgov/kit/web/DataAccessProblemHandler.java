package org.gridgov.kit.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Database conflicts a caller caused (a concurrent change, a duplicate) are 409s, not 500s. */
@RestControllerAdvice
class DataAccessProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DataAccessProblemHandler.class);

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Mono<ResponseEntity<Object>> concurrentChange(OptimisticLockingFailureException ex, ServerWebExchange exchange) {
        return ProblemExceptionHandler.render(ProblemException.conflict(
                "The resource was changed by someone else; reload and retry.").toProblemDetail(), exchange);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Mono<ResponseEntity<Object>> integrityViolation(DataIntegrityViolationException ex, ServerWebExchange exchange) {
        log.info("integrity violation: {}", ex.getMostSpecificCause().getClass().getSimpleName());
        return ProblemExceptionHandler.render(ProblemException.conflict("The change conflicts with existing data.")
                .toProblemDetail(), exchange);
    }
}
