package org.gridgov.kit.web;

import java.util.Optional;

import org.gridgov.kit.domain.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last line: anything that escaped the controllers (an unknown path, a failure in a filter)
 * still leaves as problem+json, ahead of Spring Boot's own error page.
 */
record FallbackProblemHandler(ProblemWriter writer) implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(FallbackProblemHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ProblemDetail problem;
        Optional<ProblemDetail> malformed = MalformedRequests.problemFor(ex, exchange);
        if (ex instanceof ProblemException known) {
            problem = known.toProblemDetail();
        } else if (ex instanceof Refusal refusal) {
            problem = ProblemException.of(refusal).toProblemDetail();
        } else if (malformed.isPresent()) {
            problem = malformed.get();
        } else if (ex instanceof ResponseStatusException status) {
            problem = ProblemDetail.forStatusAndDetail(status.getStatusCode(), detailOf(status));
        } else {
            log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Something went wrong on our side; quote the correlation id when reporting it.");
        }
        return writer.write(exchange, problem);
    }

    private static String detailOf(ResponseStatusException ex) {
        HttpStatusCode status = ex.getStatusCode();
        if (status.value() == 404) {
            return "No resource at this path.";
        }
        return ex.getReason() != null ? ex.getReason() : HttpStatus.valueOf(status.value()).getReasonPhrase();
    }

    @Override
    public int getOrder() {
        // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
        return -2;
    }
}
