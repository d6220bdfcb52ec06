package org.gridgov.local.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.gridgov.infra.TokenRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a {@link DemoStep} works with: the gateway, tokens for the personas, the local directory and the console. */
public final class DemoContext {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration READ_MODELS_CATCH_UP = Duration.ofSeconds(90);
    /** What a service answers about an id its read model has not received yet. */
    private static final Set<Integer> NOT_YET_KNOWN = Set.of(400, 403, 404, 422);
    private static final Set<Integer> GATEWAY_GAVE_UP = Set.of(502, 503, 504);
    private static final int GATEWAY_ATTEMPTS = 5;
    private static final int TOO_MANY_REQUESTS = 429;
    /** How long the demo waits in all for the gateway's rate limit, honouring each Retry-After, before it gives up. */
    private static final Duration RATE_LIMIT_PATIENCE = Duration.ofMinutes(2);

    private final HttpClient http;
    private final URI gateway;
    private final Function<TokenRequest, String> issuer;
    private final BiConsumer<String, Map<String, Object>> users;
    private final Path localDirectory;
    private final PrintStream out;
    private final String step;

    /** Without a user store: the steps that sign people up fail (the bench loads only places and units). */
    public DemoContext(URI gateway, Function<TokenRequest, String> issuer, Path localDirectory, PrintStream out) {
        this(gateway, issuer, (username, user) -> {
            throw new IllegalStateException("no identity provider to create " + username + " in");
        }, localDirectory, out);
    }

    /** {@code users}: creates or replaces a person who signs in (the identity provider's {@code PUT /local/users/{username}}). */
    public DemoContext(URI gateway, Function<TokenRequest, String> issuer, BiConsumer<String, Map<String, Object>> users,
            Path localDirectory, PrintStream out) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), gateway, issuer, users, localDirectory,
                out, "");
    }

    private DemoContext(HttpClient http, URI gateway, Function<TokenRequest, String> issuer,
            BiConsumer<String, Map<String, Object>> users, Path localDirectory, PrintStream out, String step) {
        this.http = http;
        this.gateway = gateway;
        this.issuer = issuer;
        this.users = users;
        this.localDirectory = localDirectory;
        this.out = out;
        this.step = step;
    }

    /** The same context, naming the step in the idempotency keys it derives. */
    DemoContext forStep(DemoStep demoStep) {
        return new DemoContext(http, gateway, issuer, users, localDirectory, out, demoStep.name());
    }

    /** Creates or replaces a person who signs in to the console. */
    public void putUser(String username, Map<String, Object> user) {
        users.accept(username, user);
    }

    public String token(Persona persona) {
        return issuer.apply(persona.tokenRequest());
    }

    /** POSTs JSON through the gateway as the persona; {@code item} names what is created, for the idempotency key. */
    public HttpResponse<String> post(Persona as, String path, String json, String item) throws IOException, InterruptedException {
        return send(as, path, item, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), "POST");
    }

    /** POSTs JSON through the gateway as a member unit of the demo (the committee's units act for themselves). */
    public HttpResponse<String> postAsUnit(String unitId, String path, String json, String item)
            throws IOException, InterruptedException {
        return send(issuer.apply(TokenRequest.of("demo-unit-" + unitId, "UNIT").withUnit(unitId)), path, item,
                HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), "POST");
    }

    /** POSTs JSON through the gateway, until the service knows the caller, as whoever the token request names. */
    public JsonNode postAsOnceKnown(TokenRequest caller, String path, String json, String item)
            throws IOException, InterruptedException {
        return onceKnown(() -> send(issuer.apply(caller), path, item,
                HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), "POST"));
    }

    /** POSTs JSON through the gateway as the staff of a functional department (fieldwork-service's cases). */
    public JsonNode postAsDepartment(String departmentId, String path, String json, String item)
            throws IOException, InterruptedException {
        return succeeded(send(issuer.apply(TokenRequest.of("demo-department-" + departmentId, "DEPARTMENT")
                .withDepartment(departmentId)), path, item, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8),
                "POST"));
    }

    /** POSTs JSON through the gateway as a party member of the demo (reporting in to an emergency operation). */
    public JsonNode postAsMember(String memberId, String path, String json, String item)
            throws IOException, InterruptedException {
        return succeeded(send(issuer.apply(TokenRequest.of("demo-member-" + memberId, "PARTY_MEMBER").withMember(memberId)),
                path, item, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), "POST"));
    }

    public HttpResponse<String> put(Persona as, String path, String json, String item) throws IOException, InterruptedException {
        return send(as, path, item, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), "PUT");
    }

    /**
     * POSTs until the receiving service's read models know what the request refers to (the grid
     * import's nodes and households, the units), which arrive as events a moment after the step
     * that created them; then the answer must be a success.
     */
    public JsonNode postOnceKnown(Persona as, String path, String json, String item)
            throws IOException, InterruptedException {
        return onceKnown(() -> post(as, path, json, item));
    }

    /** {@link #postOnceKnown} as a member unit of the demo (the committee's units act for themselves). */
    public JsonNode postAsUnitOnceKnown(String unitId, String path, String json, String item)
            throws IOException, InterruptedException {
        return onceKnown(() -> postAsUnit(unitId, path, json, item));
    }

    private interface Request {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private static JsonNode onceKnown(Request request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READ_MODELS_CATCH_UP.toNanos();
        while (true) {
            HttpResponse<String> response = request.send();
            if (!NOT_YET_KNOWN.contains(response.statusCode()) || System.nanoTime() > deadline) {
                return succeeded(response);
            }
            Thread.sleep(1000);
        }
    }

    /** GETs JSON through the gateway as the persona; a failure stops the step (see {@link #succeeded}). */
    public JsonNode get(Persona as, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(as))
                .GET().build();
        return succeeded(exchange(request));
    }

    /**
     * The body of a successful answer (a repeat on a later launch gets the first answer back); a
     * failure stops the step with the service's problem detail, which never holds personal data.
     */
    public static JsonNode succeeded(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            String detail = response.body() == null || response.body().isBlank() ? ""
                    : JSON.readTree(response.body()).path("detail").asString("");
            String why = response.statusCode() == TOO_MANY_REQUESTS ? " (still rate-limited after waiting "
                    + RATE_LIMIT_PATIENCE.toSeconds() + " s in all as the gateway's Retry-After asked)" : "";
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode() + " " + detail + why);
        }
        return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The same step and item give the same key on every launch, so the API answers a repeat with the first result. */
    public String idempotencyKey(String item) {
        return UUID.nameUUIDFromBytes(("gridgov-demo/" + step + "/" + item).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Path localDirectory() {
        return localDirectory;
    }

    public PrintStream out() {
        return out;
    }

    private HttpResponse<String> send(Persona as, String path, String item, HttpRequest.BodyPublisher body, String method)
            throws IOException, InterruptedException {
        return send(token(as), path, item, body, method);
    }

    private HttpResponse<String> send(String token, String path, String item, HttpRequest.BodyPublisher body, String method)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey(item))
                .method(method, body)
                .build();
        return exchange(request);
    }

    /**
     * Sends the request, and again where that is what the gateway asked for or safe: after a 429,
     * as soon as its {@code Retry-After} allows (the demo sends faster than the gateway's rate
     * limit lets one caller); after a 502/503/504, a busy machine having made the gateway give up
     * on a service. Writes carry an idempotency key, so the service runs one once however often it
     * arrives.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        long patience = System.nanoTime() + RATE_LIMIT_PATIENCE.toNanos();
        int gatewayAttempts = 1;
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == TOO_MANY_REQUESTS) {
                Duration wait = retryAfter(response);
                if (System.nanoTime() + wait.toNanos() > patience) {
                    return response;
                }
                Thread.sleep(wait.toMillis());
            } else if (GATEWAY_GAVE_UP.contains(response.statusCode()) && gatewayAttempts < GATEWAY_ATTEMPTS) {
                Thread.sleep(1000L * gatewayAttempts++);
            } else {
                return response;
            }
        }
    }

    /** The wait a 429 asks for: {@code Retry-After} in seconds (or an HTTP date), one second when it says nothing usable. */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() || until.isZero() ? Duration.ofSeconds(1) : until;
            } catch (DateTimeParseException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }
}
