package org.gridgov.kit.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json response outside the controller layer (unrouted paths, security
 * failures, filters), where no message converter chain is at hand; on the Open311 facade's paths,
 * the same problem as GeoReport v2's error list ({@link ErrorFormat}).
 */
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return discardUnreadBody(exchange).then(Mono.defer(() -> writeNow(exchange, problem)));
    }

    /**
     * Reads and drops a request body nobody read, as a refusal at the door (401, 403, 429) leaves it:
     * unread on a keep-alive connection, it stalled the client's next request on that connection
     * until the client gave up (seen behind the gateway's 403s in the system tests). A body already
     * read cannot be read again, which is fine: there is nothing left to drop; and a response that
     * closes its connection anyway (a body too large to be worth reading) does not wait for it.
     */
    public static Mono<Void> discardUnreadBody(ServerWebExchange exchange) {
        if ("close".equalsIgnoreCase(exchange.getResponse().getHeaders().getFirst(HttpHeaders.CONNECTION))) {
            return Mono.empty();
        }
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then()
                .onErrorResume(alreadyRead -> Mono.empty());
    }

    private Mono<Void> writeNow(ServerWebExchange exchange, ProblemDetail problem) {
        ProblemExceptionHandler.decorate(problem, exchange);
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ErrorFormat format = ErrorFormat.forPath(exchange.getRequest().getPath().value());
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(format.mediaType());
        DataBuffer buffer = response.bufferFactory().wrap(format.render(asMap(problem), json));
        return response.writeWith(Mono.just(buffer));
    }

    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", String.valueOf(problem.getType()));
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            map.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
