package org.gridgov.kit.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Database conflicts a caller caused (a concurrent change, a duplicate) are 409s, and a database
 * that cannot be reached (down, restarting) is a 503 worth retrying: neither is a 500.
 */
@RestControllerAdvice
class DataAccessProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DataAccessProblemHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Mono<ResponseEntity<Object>> concurrentChange(OptimisticLockingFailureException ex, ServerWebExchange exchange) {
        return ProblemExceptionHandler.render(ProblemException.conflict(
                "The resource was changed by someone else; reload and retry.").toProblemDetail(), exchange);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Mono<ResponseEntity<Object>> integrityViolation(DataIntegrityViolationException ex, ServerWebExchange exchange) {
        if (ProblemExceptionHandler.isBadValueForTheDatabase(ex)) {
            return ProblemExceptionHandler.badValue(ex, exchange);
        }
        log.info("integrity violation: {}", ex.getMostSpecificCause().getClass().getSimpleName());
        return ProblemExceptionHandler.render(ProblemException.conflict("The change conflicts with existing data.")
                .toProblemDetail(), exchange);
    }

    /** The same request will most likely work once the database is back, which it usually is within seconds. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class})
    Mono<ResponseEntity<Object>> databaseUnavailable(Exception ex, ServerWebExchange exchange) {
        if (ProblemExceptionHandler.isBadValueForTheDatabase(ex)) {
            return ProblemExceptionHandler.badValue(ex, exchange);
        }
        log.warn("database unavailable on {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                NestedExceptionUtils.getMostSpecificCause(ex).toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database at the moment; retry shortly.");
        return ProblemExceptionHandler.render(problem, exchange).map(response -> ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(response.getBody()));
    }
}
