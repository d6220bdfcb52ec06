package org.gridgov.kit.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolationException;
import org.gridgov.kit.domain.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure of a controller into RFC 9457 problem+json: bad input is a 4xx with the
 * reason, never a 500; an unexpected failure is a 500 that reveals nothing but the correlation id.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    Mono<ResponseEntity<Object>> problem(ProblemException ex, ServerWebExchange exchange) {
        return render(ex.toProblemDetail(), exchange);
    }

    @ExceptionHandler(Refusal.class)
    Mono<ResponseEntity<Object>> refused(Refusal refusal, ServerWebExchange exchange) {
        return render(ProblemException.of(refusal).toProblemDetail(), exchange);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Mono<ResponseEntity<Object>> constraintViolation(ConstraintViolationException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setProperty(FieldError.PROBLEM_MEMBER, FieldError.asMembers(ex.getConstraintViolations().stream()
                .map(v -> new FieldError(String.valueOf(v.getPropertyPath()), v.getMessage()))
                .toList()));
        return render(problem, exchange);
    }

    /**
     * A body the codecs could not read that reached the handler unwrapped: a multipart upload whose
     * Content-Type names no boundary, or whose parts are cut off.
     */
    @ExceptionHandler(DecodingException.class)
    Mono<ResponseEntity<Object>> undecodable(DecodingException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, UnreadableBody.DETAIL);
        boolean noBoundary = String.valueOf(ex.getMessage()).contains("boundary");
        problem.setProperty(FieldError.PROBLEM_MEMBER, FieldError.asMembers(List.of(noBoundary
                ? new FieldError("Content-Type", "expected multipart/form-data with a boundary parameter")
                : new FieldError("$", "a body that can be read as " + exchange.getRequest().getHeaders().getContentType()))));
        return render(problem, exchange);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
        return unexpectedFailure(ex, exchange);
    }

    /** A failure nobody foresaw: a 500 that reveals only the correlation id, unless the request itself was malformed. */
    public static Mono<ResponseEntity<Object>> unexpectedFailure(Throwable ex, ServerWebExchange exchange) {
        Optional<ProblemDetail> malformed = MalformedRequests.problemFor(ex, exchange);
        if (malformed.isPresent()) {
            return render(malformed.get(), exchange);
        }
        log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return render(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; quote the correlation id when reporting it."), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setProperty(FieldError.PROBLEM_MEMBER, FieldError.asMembers(ex.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), String.valueOf(e.getDefaultMessage())))
                .toList()));
        return render(problem, exchange);
    }

    /**
     * A query, path or header parameter outside its constraints ({@code @Min} on a {@code @RequestParam}, say): named as
     * the caller wrote it, with what was expected.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setProperty(FieldError.PROBLEM_MEMBER, FieldError.asMembers(ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        parameterName(result.getMethodParameter()), String.valueOf(error.getDefaultMessage()))))
                .toList()));
        return render(problem, exchange);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (hasCause(ex, DataBufferLimitException.class)) {
            return render(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than this service accepts."), exchange);
        }
        if (hasCause(ex, DecodingException.class)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, UnreadableBody.DETAIL);
            problem.setProperty(FieldError.PROBLEM_MEMBER, FieldError.asMembers(List.of(UnreadableBody.of(ex)
                    .orElseGet(() -> new FieldError("$", "not valid JSON for this resource")))));
            return render(problem, exchange);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(ex.getReason()));
        cause(ex, TypeMismatchException.class).filter(mismatch -> mismatch.getRequiredType() != null
                        && ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null)
                .ifPresent(mismatch -> problem.setProperty(FieldError.PROBLEM_MEMBER, FieldError.asMembers(List.of(
                        new FieldError(ex.getMethodParameter().getParameterName(),
                                "expected " + UnreadableBody.expected(mismatch.getRequiredType()))))));
        return render(problem, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerErrorException(ServerErrorException ex, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        // a blank id in the path, for one
        return unexpected(ex, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(ex, body, headers, status, exchange)
                .map(response -> {
                    if (response.getBody() instanceof ProblemDetail problem) {
                        if (ex instanceof NoResourceFoundException) {
                            // Spring's own detail talks about static resources, meaningless to an API client
                            problem.setDetail("No resource at this path.");
                        }
                        return entity(problem, exchange, response.getHeaders());
                    }
                    return response;
                });
    }

    /** The problem as this service answers it (problem+json, or Open311's error list on its paths). */
    public static Mono<ResponseEntity<Object>> render(ProblemDetail problem, ServerWebExchange exchange) {
        return Mono.just(entity(problem, exchange, HttpHeaders.EMPTY));
    }

    /**
     * The problem with its media type set, so that what the caller accepts does not decide it: an
     * {@code Accept} of garbage, of XML or of {@code text/event-stream} used to get an empty 406 or the
     * problem as an event stream. On the Open311 facade's paths, the problem in its error format.
     */
    private static ResponseEntity<Object> entity(ProblemDetail problem, ServerWebExchange exchange, HttpHeaders headers) {
        decorate(problem, exchange);
        ErrorFormat format = ErrorFormat.forPath(exchange.getRequest().getPath().value());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(format.mediaType());
        return format == ErrorFormat.PROBLEM_JSON ? response.body(problem)
                : response.body(format.render(ProblemWriter.asMap(problem), JsonMapper.shared()));
    }

    static void decorate(ProblemDetail problem, ServerWebExchange exchange) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.typeFor(HttpStatusCode.valueOf(problem.getStatus())));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        Object correlationId = exchange.getAttribute(CorrelationId.KEY);
        if (correlationId != null) {
            problem.setProperty(CorrelationId.KEY, correlationId);
        }
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        return cause(ex, type).isPresent();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
