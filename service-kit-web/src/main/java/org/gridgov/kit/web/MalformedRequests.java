package org.gridgov.kit.web;

import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Failures that surface as exceptions deep in the framework, where they look like our bugs, but
 * come from what the caller sent: a header or query parameter name the firewall refuses when it is
 * first read, a {@code Content-Type} that is not a media type, an id in the path that is blank.
 * Each is a 400 problem saying which part of the request is wrong. Found by the fuzz pass and an
 * independent one (all three were 500s).
 */
public final class MalformedRequests {

    private MalformedRequests() {
    }

    /** The 400 problem for this failure, if the caller's request caused it. */
    public static Optional<ProblemDetail> problemFor(Throwable failure, ServerWebExchange exchange) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServerExchangeRejectedException) {
                // as refuse(): the connection closes after the answer, or it may answer nothing more
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
                return Optional.of(firewallRefusal());
            }
            if (t instanceof InvalidMediaTypeException invalid) {
                String header = invalid.getMediaType().equals(exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
                        ? HttpHeaders.CONTENT_TYPE : HttpHeaders.ACCEPT;
                return Optional.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "The " + header + " header is not a media type (such as application/json)."));
            }
            if (t instanceof ServerErrorException error && isPathVariable(error.getMethodParameter())) {
                // Spring treats a path variable that converts to nothing (a blank id) as a mapping bug, a 500
                ProblemDetail blank = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "A part of the path that names a resource is blank.");
                String name = error.getMethodParameter().getParameterName();
                if (name != null) {
                    blank.setDetail("The path's " + name + " is blank.");
                }
                return Optional.of(blank);
            }
        }
        return Optional.empty();
    }

    /**
     * Answers a request the firewall refused with {@link #firewallRefusal()} and closes its connection
     * ({@code Connection: close}, so its unread body is not waited for either): the whole-request fuzz pass
     * found kept-alive connections that answered nothing more after such a refusal (an encoded control
     * character in the path, %7F or %08), at the gateway and in the services.
     */
    public static reactor.core.publisher.Mono<Void> refuse(ProblemWriter writer, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return writer.write(exchange, firewallRefusal());
    }

    /** The 400 problem for a request the firewall refuses (an encoded NUL or slash, "..", an unprintable header or parameter name). */
    public static ProblemDetail firewallRefusal() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request's path, parameters or headers contain characters or sequences the API does not accept.");
    }

    private static boolean isPathVariable(MethodParameter parameter) {
        return parameter != null && parameter.hasParameterAnnotation(PathVariable.class);
    }
}
