package org.gridgov.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above the limit with 413 before they reach a service. The gateway streams
 * bodies instead of decoding them, so the services' codec limit does not protect it: a declared
 * length is checked up front, and a streamed body without one is counted while it is forwarded.
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final GatewayProblems problems;

    RequestSizeLimitFilter(@Value("${gridgov.gateway.max-request-body}") DataSize maxBody, GatewayProblems problems) {
        this.maxBytes = maxBody.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail()));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountedBody(exchange.getRequest())).build());
    }

    private String detail() {
        return "The request body is larger than the " + maxBytes + " bytes the API accepts.";
    }

    @Override
    public int getOrder() {
        // right after the correlation id, before any work is spent on the request
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private final class CountedBody extends ServerHttpRequestDecorator {

        CountedBody(ServerHttpRequest request) {
            super(request);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail()));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
