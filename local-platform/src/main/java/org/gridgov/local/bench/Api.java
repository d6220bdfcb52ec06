package org.gridgov.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls the bench makes, asynchronously, on one HTTP/1.1 client that keeps a connection per
 * request in flight. A call answers whether it succeeded; the first few failures are printed.
 */
final class Api implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final int FAILURES_SHOWN = 5;

    private final ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "bench-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    private final AtomicInteger failuresShown = new AtomicInteger();

    /** Orders a wish at {@code address} as the resident; the new wish's id, or empty when it failed. */
    CompletableFuture<Optional<UUID>> order(String base, String token, String address, int n) {
        String body = "{\"category\":\"REPAIRS\",\"title\":\"楼道灯坏了需要维修 " + n + "\",\"address\":\"" + address
                + "\",\"contactPhone\":\"1390000" + String.format("%04d", n % 10_000) + "\",\"residentName\":\"居民" + n + "\"}";
        return send(post(base + "/api/wishes", token, body), 201).thenApply(response -> response.map(r -> {
            Matcher id = ID.matcher(r.body());
            return id.find() ? UUID.fromString(id.group(1)) : null;
        }));
    }

    CompletableFuture<Boolean> read(String base, String token, UUID wish) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/wishes/" + wish)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        return send(request, 200).thenApply(Optional::isPresent);
    }

    CompletableFuture<Boolean> dispatch(String base, String token, UUID wish, String unit) {
        return action(base, token, wish, "dispatch", "{\"candidateUnits\":[\"" + unit + "\"],\"note\":\"请成员单位认领\"}");
    }

    CompletableFuture<Boolean> claim(String base, String token, UUID wish) {
        return action(base, token, wish, "claim", "");
    }

    CompletableFuture<Boolean> fulfil(String base, String token, UUID wish) {
        return action(base, token, wish, "fulfil", "{\"note\":\"已上门完成\"}");
    }

    CompletableFuture<Boolean> close(String base, String token, UUID wish) {
        return action(base, token, wish, "close", "{\"rating\":5,\"comment\":\"服务很好\"}");
    }

    private CompletableFuture<Boolean> action(String base, String token, UUID wish, String action, String body) {
        return send(post(base + "/api/wishes/" + wish + "/" + action, token, body), 200).thenApply(Optional::isPresent);
    }

    private static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private CompletableFuture<Optional<HttpResponse<String>>> send(HttpRequest request, int expected) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure == null && response.statusCode() == expected) {
                        return Optional.of(response);
                    }
                    if (failuresShown.getAndIncrement() < FAILURES_SHOWN) {
                        System.out.println("  failed: " + request.method() + " " + request.uri().getPath() + " → "
                                + (failure != null ? failure : response.statusCode() + " " + abbreviated(response.body())));
                    }
                    return Optional.empty();
                });
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
