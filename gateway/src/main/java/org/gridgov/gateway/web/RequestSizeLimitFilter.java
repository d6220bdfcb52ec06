package org.gridgov.gateway.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.gridgov.kit.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
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
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above the limit with 413 before they reach a service. The gateway streams
 * bodies instead of decoding them, so the services' codec limit does not protect it: a declared
 * length is checked up front, and a streamed body without one is counted while it is forwarded.
 * Uploads (photos, under {@code gridgov.gateway.upload-paths}) have a limit of their own.
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {

    /** Refused bodies up to this size are read and dropped; larger ones close the connection instead. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final long maxBytes;
    private final long maxUploadBytes;
    private final List<PathPattern> uploadPaths;
    private final ProblemWriter problems;

    RequestSizeLimitFilter(@Value("${gridgov.gateway.max-request-body}") DataSize maxBody,
                           @Value("${gridgov.gateway.max-upload-body}") DataSize maxUpload,
                           @Value("${gridgov.gateway.upload-paths}") List<String> uploadPaths, ProblemWriter problems) {
        this.maxBytes = maxBody.toBytes();
        this.maxUploadBytes = maxUpload.toBytes();
        this.uploadPaths = uploadPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange.getRequest());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail(limit));
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
        return chain.filter(exchange.mutate().request(new CountedBody(exchange.getRequest(), exchange.getResponse(), limit))
                .build());
    }

    private long limitFor(ServerHttpRequest request) {
        boolean upload = uploadPaths.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
        return upload ? maxUploadBytes : maxBytes;
    }

    /** A refused body too large to be worth reading leaves the connection unusable for another request. */
    private static void closeAfterResponse(ServerHttpResponse response) {
        if (!response.isCommitted()) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }

    private static String detail(long limit) {
        return "The request body is larger than the " + limit + " bytes the API accepts here.";
    }

    @Override
    public int getOrder() {
        // right after the correlation id, before any work is spent on the request
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private final class CountedBody extends ServerHttpRequestDecorator {

        private final ServerHttpResponse response;
        private final long limit;

        CountedBody(ServerHttpRequest request, ServerHttpResponse response, long limit) {
            super(request);
            this.response = response;
            this.limit = limit;
        }

        /**
         * Forwards the body up to the limit. Past it, the rest is read and dropped, and the 413 comes when the
         * client has sent it all: answered while the client was still sending, the closing connection could
         * reset before the client read the answer. A body past the drain limit closes the connection at once.
         */
        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().<DataBuffer>handle((buffer, sink) -> {
                long total = seen.addAndGet(buffer.readableByteCount());
                if (total <= limit) {
                    sink.next(buffer);
                    return;
                }
                DataBufferUtils.release(buffer);
                if (total > DRAIN_LIMIT) {
                    closeAfterResponse(response);
                    sink.error(tooLarge());
                }
            }).concatWith(Mono.defer(() -> seen.get() > limit ? Mono.error(tooLarge()) : Mono.empty()));
        }

        private ResponseStatusException tooLarge() {
            return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail(limit));
        }
    }
}
