package org.gridgov.gateway.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.gridgov.infra.FreePorts;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A small real HTTP service standing in for a domain service behind the gateway: it records every
 * request it receives and answers {@code {"service":…,"method":…,"path":…}}, or, when told to, with a
 * given status, slowly, not until released, or by dropping the connection. It can be stopped and
 * started again on the same port, as a service restarts.
 */
public final class RecordingBackend {

    private final String service;
    private final int port = FreePorts.any();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Sinks.Empty<Void>> holds = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile String apiDocs;
    private volatile DisposableServer server;
    private volatile LoopResources loop;

    private RecordingBackend(String service) {
        this.service = service;
    }

    public static RecordingBackend start(String service) {
        RecordingBackend backend = new RecordingBackend(service);
        backend.start();
        return backend;
    }

    public String service() {
        return service;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (server == null) {
            // an event loop of its own: a gateway context that closes disposes Reactor Netty's shared one
            loop = LoopResources.create("backend-" + service, 1, true);
            server = HttpServer.create().runOn(loop).host("127.0.0.1").port(port).handle(this::handle).bindNow();
        }
    }

    /** Gone like a stopped process: the port refuses connections and every open connection is closed. */
    public synchronized void stop() {
        if (server != null) {
            server.disposeNow();
            loop.disposeLater().block();
            server = null;
        }
    }

    /** Every request this backend received with that correlation id (tests give each request its own). */
    public List<ReceivedRequest> received(String correlationId) {
        return received.stream().filter(request -> correlationId.equals(request.headers().getFirst("X-Correlation-Id")))
                .toList();
    }

    /** How many requests to this path this backend received. */
    public long receivedOn(String path) {
        return received.stream().filter(request -> request.path().equals(path)).count();
    }

    /** The next {@code times} requests to this path lose their connection before any answer. */
    public void dropConnections(String path, int times) {
        drops.put(path, new AtomicInteger(times));
    }

    public void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    /** Requests to this path wait for {@link #release(String)}. */
    public void hold(String path) {
        holds.put(path, Sinks.empty());
    }

    public void release(String path) {
        Sinks.Empty<Void> hold = holds.remove(path);
        if (hold != null) {
            hold.tryEmitEmpty();
        }
    }

    public void answer(String path, int status, String contentType, String body) {
        answers.put(path, new Answer(status, contentType, body));
    }

    public void apiDocs(String document) {
        this.apiDocs = document;
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = URI.create(request.uri()).getRawPath();
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            if (path.equals("/v3/api-docs")) {
                return apiDocs == null ? response.status(HttpResponseStatus.NOT_FOUND).send()
                        : json(response, 200, "application/json", apiDocs);
            }
            HttpHeaders headers = new HttpHeaders();
            request.requestHeaders().forEach(header -> headers.add(header.getKey(), header.getValue()));
            received.add(new ReceivedRequest(request.method().name(), path, URI.create(request.uri()).getRawQuery(),
                    headers, body));
            AtomicInteger drop = drops.get(path);
            if (drop != null && drop.getAndDecrement() > 0) {
                request.withConnection(connection -> connection.channel().close());
                return Mono.never();
            }
            Mono<Void> wait = Mono.empty();
            if (delays.containsKey(path)) {
                wait = Mono.delay(delays.get(path)).then();
            }
            if (holds.containsKey(path)) {
                wait = holds.get(path).asMono();
            }
            Answer answer = answers.getOrDefault(path, new Answer(200, "application/json",
                    "{\"service\":\"" + service + "\",\"method\":\"" + request.method().name() + "\",\"path\":\"" + path + "\"}"));
            return wait.then(Mono.defer(() -> json(response, answer.status(), answer.contentType(), answer.body())));
        });
    }

    private static Mono<Void> json(HttpServerResponse response, int status, String contentType, String body) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, contentType)
                .sendString(Mono.just(body), StandardCharsets.UTF_8)
                .then();
    }

    /** A request as the service saw it. */
    public record ReceivedRequest(String method, String path, String query, HttpHeaders headers, String body) {
    }

    private record Answer(int status, String contentType, String body) {
    }
}
