package org.gridgov.kit.data;

import io.r2dbc.spi.R2dbcException;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.web.ProblemExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
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
 * that cannot be reached (down, restarting) is a 503 worth retrying, and a value the database cannot
 * store is the caller's (400): none is a 500. Ahead of the web kit's catch-all handler.
 */
@RestControllerAdvice
@Order(0)
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
        if (isBadValueForTheDatabase(ex)) {
            return badValue(ex, exchange);
        }
        log.info("integrity violation: {}", ex.getMostSpecificCause().getClass().getSimpleName());
        return ProblemExceptionHandler.render(ProblemException.conflict("The change conflicts with existing data.")
                .toProblemDetail(), exchange);
    }

    /** The same request will most likely work once the database is back, which it usually is within seconds. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class})
    Mono<ResponseEntity<Object>> databaseUnavailable(Exception ex, ServerWebExchange exchange) {
        if (isBadValueForTheDatabase(ex)) {
            return badValue(ex, exchange);
        }
        log.warn("database unavailable on {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                NestedExceptionUtils.getMostSpecificCause(ex).toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database at the moment; retry shortly.");
        return ProblemExceptionHandler.render(problem, exchange).map(response -> ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(response.getBody()));
    }

    /** Any other database failure: a 400 when the caller's value was the cause, else the kit's 500. */
    @ExceptionHandler({DataAccessException.class, R2dbcException.class})
    Mono<ResponseEntity<Object>> otherFailure(Exception ex, ServerWebExchange exchange) {
        return isBadValueForTheDatabase(ex) ? badValue(ex, exchange) : ProblemExceptionHandler.unexpectedFailure(ex, exchange);
    }

    /**
     * PostgreSQL's data exceptions (SQL state class 22: a NUL in text, a number out of range, an
     * invalid value) come from what the caller sent, which validation let through: bad input, a 400.
     * Found by the system tests' fuzz pass (a NUL in a grid import's names was a 500).
     */
    static boolean isBadValueForTheDatabase(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null && r2dbc.getSqlState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static Mono<ResponseEntity<Object>> badValue(Throwable ex, ServerWebExchange exchange) {
        log.info("a value the database cannot store on {} {}: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName());
        return ProblemExceptionHandler.render(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A value in the "
                + "request cannot be stored (a NUL character, a number out of range or the like)."), exchange);
    }
}
