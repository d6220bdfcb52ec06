package org.gridgov.wish.open311.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.kit.web.MalformedRequests;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.open311.domain.Open311Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every failure of the Open311 facade in the spec's error format, {@code [{"code":400,"description":"…"}]},
 * with the spec's statuses: 400 for bad input (also where the rest of the API says 409 or 422),
 * 403 for the api_key, 404 for what is unknown or outside the app's jurisdiction.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    @ExceptionHandler(Open311Refusal.class)
    ResponseEntity<Object> refused(Open311Refusal refusal, ServerWebExchange exchange) {
        return error(exchange, refusal.status(), refusal.getMessage());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException problem, ServerWebExchange exchange) {
        var detail = problem.toProblemDetail();
        return error(exchange, open311Status(detail.getStatus()), String.valueOf(detail.getDetail()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Object> status(ResponseStatusException ex, ServerWebExchange exchange) {
        int status = open311Status(ex.getStatusCode().value());
        return error(exchange, status, ex.getReason() == null ? HttpStatus.valueOf(status).getReasonPhrase() : ex.getReason());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, ServerWebExchange exchange) {
        var malformed = MalformedRequests.problemFor(ex, exchange);
        if (malformed.isPresent()) {
            return error(exchange, 400, String.valueOf(malformed.get().getDetail()));
        }
        log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return error(exchange, 500, "Something went wrong on our side; try again later.");
    }

    private static int open311Status(int status) {
        return switch (status) {
            case 401 -> 403;
            case 409, 413, 415, 422 -> 400;
            default -> status;
        };
    }

    /** In the format the path asked for: {@code [{"code":…,"description":…}]} or {@code <errors><error>…}. */
    private static ResponseEntity<Object> error(ServerWebExchange exchange, int status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        return Open311Format.of(exchange.getRequest().getPath().value())
                .body(ResponseEntity.status(status), "errors", List.of(error));
    }
}
