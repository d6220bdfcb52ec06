package org.gridgov.system.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP calls to the platform as one bearer (or none): JSON in, {@link ApiResponse} out. Every
 * POST and PUT carries a fresh {@code Idempotency-Key} unless the caller gives one.
 */
public final class ApiClient {

    private static final HttpClient HTTP = newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final Map<String, String> headers;
    private final HttpClient http;

    ApiClient(URI base, String token) {
        this(base, token, Map.of(), HTTP);
    }

    private ApiClient(URI base, String token, Map<String, String> headers, HttpClient http) {
        this.base = base;
        this.token = token;
        this.headers = headers;
        this.http = http;
    }

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * The same client on connections of its own, not shared with other tests: for requests that
     * may leave a kept-alive connection in a state no other test should inherit (the fuzz pass).
     */
    public ApiClient withOwnConnections() {
        return new ApiClient(base, token, headers, newHttpClient());
    }

    /** The same client, sending this header with every request too (e.g. {@code X-Correlation-Id}). */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(base, token, Map.copyOf(more), http);
    }

    /** The same caller at another address: a replica of a service, called without the gateway. */
    public ApiClient at(URI otherBase) {
        return new ApiClient(otherBase, token, headers, http);
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse post(String path, String json) {
        return post(path, json, UUID.randomUUID().toString());
    }

    public ApiResponse post(String path, String json, String idempotencyKey) {
        return send(withBody(request(path), "POST", json, idempotencyKey));
    }

    public ApiResponse put(String path, String json) {
        return send(withBody(request(path), "PUT", json, UUID.randomUUID().toString()));
    }

    /** A file uploaded as a browser does, in a {@code multipart/form-data} body. */
    public ApiResponse upload(String path, Upload file) {
        Upload.Body body = file.body();
        return raw("POST", path, body.contentType(), body.bytes());
    }

    /** Any method, body and content type, as given: for requests no well-behaved client sends. */
    public ApiResponse raw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return send(request);
    }

    public URI base() {
        return base;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        return request;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String json, String key) {
        return request.header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(request.method(), request.uri().getPath(), response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            return ApiResponse.noAnswer(request.method(), request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
