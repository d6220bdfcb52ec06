package org.gridgov.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.gridgov.kit.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
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

    /** Refused bodies up to this size are read and dropped; larger ones close the connection instead. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final long maxBytes;
    private final ProblemWriter problems;

    RequestSizeLimitFilter(@Value("${gridgov.gateway.max-request-body}") DataSize maxBody, ProblemWriter problems) {
        this.maxBytes = maxBody.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail());
            // the problem writer reads and drops the refused body first (left unread, the client's next
            // request on this keep-alive connection hung); one too large to be worth reading closes it instead
            if (declared > DRAIN_LIMIT) {
                closeAfterResponse(exchange.getResponse());
            }
            return problems.write(exchange, tooLarge);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountedBody(exchange.getRequest(), exchange.getResponse())).build());
    }

    /** A refused body too large to be worth reading leaves the connection unusable for another request. */
    private static void closeAfterResponse(ServerHttpResponse response) {
        if (!response.isCommitted()) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
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

        private final ServerHttpResponse response;

        CountedBody(ServerHttpRequest request, ServerHttpResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    closeAfterResponse(response);
                    sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail()));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
