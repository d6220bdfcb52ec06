package org.gridgov.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.gridgov.kit.web.ProblemWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the errors the gateway makes itself (rate limits, unavailable services, oversized
 * requests) in the format the caller's API speaks: problem+json on {@code /api}, and the GeoReport
 * v2 error list on the Open311 facade, whose existing client apps understand nothing else.
 */
@Component
public class GatewayProblems {

    static final String OPEN311_PREFIX = "/open311/";

    private final ProblemWriter problems;
    private final JsonMapper json;

    GatewayProblems(ProblemWriter problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        if (!exchange.getRequest().getPath().value().startsWith(OPEN311_PREFIX)) {
            return problems.write(exchange, problem);
        }
        return ProblemWriter.discardUnreadBody(exchange).then(Mono.defer(() -> writeOpen311(exchange, problem)));
    }

    private Mono<Void> writeOpen311(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        // GeoReport v2 errors: a list of {code, description}; codes are strings in this API
        byte[] body = json.writeValueAsString(List.of(Map.of(
                "code", Integer.toString(problem.getStatus()),
                "description", String.valueOf(problem.getDetail())))).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
