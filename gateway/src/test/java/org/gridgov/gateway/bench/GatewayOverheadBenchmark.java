package org.gridgov.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.gridgov.gateway.GatewayApplication;
import org.gridgov.infra.IdentityProvider;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * What the gateway costs a caller: the same authenticated GET sent straight to a backend and
 * through the gateway (JWT validation, rate limit on local buckets, bulkhead, breaker, time
 * limiter, routing), measured in one run against the same real backend. Latency one request at a
 * time (p50, p99), throughput with 32 requests in flight. Run with {@code mvn -B -pl gateway verify -Pbench}.
 */
class GatewayOverheadBenchmark {

    private static final int WARM_UP = 10_000;
    private static final int SEQUENTIAL = 3_000;
    private static final int CONCURRENT = 20_000;
    private static final int IN_FLIGHT = 32;
    private static final String PATH = "/api/grid/nodes/6f0a4c1e-3b7d-4a59-9c2e-1d8b7e5a0c11";
    private static final String NODE = "{\"id\":\"6f0a4c1e-3b7d-4a59-9c2e-1d8b7e5a0c11\",\"kind\":\"GRID\",\"name\":\"太平街社区第一网格\","
            + "\"parent\":\"b2e9d7c4-5a31-4f08-8e6d-7c4b1a9f2d33\",\"households\":412}";

    @Test
    void gateway_added_latency_and_throughput_against_the_backend_directly() {
        LoopResources backendLoop = LoopResources.create("bench-backend", 1, true);
        DisposableServer backend = HttpServer.create().runOn(backendLoop).host("127.0.0.1").port(0)
                .handle((request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(NODE), StandardCharsets.UTF_8))
                .bindNow();
        IdentityProvider issuer = RealInfrastructure.get().issuer();
        try (ConfigurableApplicationContext gateway = startGateway(issuer, "http://127.0.0.1:" + backend.port())) {
            String token = issuer.issue(TokenRequest.of("bench-staff", "GRID_STAFF"));
            HttpClient client = HttpClient.create(ConnectionProvider.builder("bench").maxConnections(IN_FLIGHT).build())
                    .runOn(LoopResources.create("bench-client", 1, true))
                    .headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token));
            String direct = "http://127.0.0.1:" + backend.port() + PATH;
            String viaGateway = "http://127.0.0.1:" + gateway.getEnvironment().getRequiredProperty("local.server.port") + PATH;

            run(client, direct, WARM_UP, IN_FLIGHT);
            run(client, viaGateway, WARM_UP, IN_FLIGHT);
            Result directOne = run(client, direct, SEQUENTIAL, 1);
            Result gatewayOne = run(client, viaGateway, SEQUENTIAL, 1);
            Result directMany = run(client, direct, CONCURRENT, IN_FLIGHT);
            Result gatewayMany = run(client, viaGateway, CONCURRENT, IN_FLIGHT);

            System.out.printf("""

                    === Gateway overhead (same backend, same run, %d cores) ===
                    one at a time (%d requests)   p50        p99
                      direct                      %6.2f ms  %6.2f ms
                      through the gateway         %6.2f ms  %6.2f ms
                      added by the gateway        %6.2f ms  %6.2f ms
                    %d in flight (%d requests)    throughput       p50        p99
                      direct                      %8.0f req/s  %6.2f ms  %6.2f ms
                      through the gateway         %8.0f req/s  %6.2f ms  %6.2f ms
                      gateway / direct throughput %8.2f
                    %n""",
                    Runtime.getRuntime().availableProcessors(), SEQUENTIAL,
                    directOne.p50(), directOne.p99(), gatewayOne.p50(), gatewayOne.p99(),
                    gatewayOne.p50() - directOne.p50(), gatewayOne.p99() - directOne.p99(),
                    IN_FLIGHT, CONCURRENT,
                    directMany.throughput(), directMany.p50(), directMany.p99(),
                    gatewayMany.throughput(), gatewayMany.p50(), gatewayMany.p99(),
                    gatewayMany.throughput() / directMany.throughput());
        } finally {
            backend.disposeNow();
            backendLoop.disposeLater().block();
        }
    }

    private static ConfigurableApplicationContext startGateway(IdentityProvider issuer, String backend) {
        List<String> args = List.of(
                "--server.port=0",
                "--OIDC_ISSUER_URI=" + issuer.issuerUri(),
                "--OIDC_JWKS_URI=" + issuer.jwksUri(),
                "--GRID_SERVICE_URL=" + backend,
                // the load generator is one client: its budget must not be what is measured
                "--RATE_LIMIT_CLIENT_BURST=100000000",
                "--RATE_LIMIT_CLIENT_PER_SECOND=100000000",
                "--GATEWAY_ROUTE_CONCURRENCY=10000",
                // one log line per request to the build console would measure the console
                "--logging.level.gridgov.access=WARN");
        return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    private static Result run(HttpClient client, String url, int requests, int inFlight) {
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        Flux.range(0, requests)
                .flatMap(i -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return client.get().uri(url).responseSingle((response, body) -> {
                        if (response.status().code() != 200) {
                            return Mono.error(new IllegalStateException(url + " answered " + response.status()));
                        }
                        return body.asString();
                    }).doOnSuccess(ignored -> latencies[i] = System.nanoTime() - sent);
                }), inFlight)
                .blockLast(Duration.ofMinutes(5));
        long elapsed = System.nanoTime() - start;
        Arrays.sort(latencies);
        return new Result(millis(latencies[requests / 2]), millis(latencies[(int) (requests * 0.99)]),
                requests / (elapsed / 1e9));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private record Result(double p50, double p99, double throughput) {
    }
}
