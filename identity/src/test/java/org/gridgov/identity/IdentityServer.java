package org.gridgov.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.FreePorts;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the identity ITs share: one real PostgreSQL per test JVM, the server's settings, and an HTTP
 * client that talks to the server as a browser and as an app would.
 */
final class IdentityServer {

    static final String CONSOLE_BASE = "http://localhost:18080";
    static final String APPS_SERVICE_SECRET = "apps-service-secret-for-tests";
    static final String MEMBER_SERVICE_SECRET = "member-service-secret-for-tests";
    static final JsonMapper JSON = JsonMapper.shared();
    private static final int PORT = FreePorts.any();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    private static EmbeddedPostgresServer postgres;
    private static Path keys;

    private IdentityServer() {
    }

    static synchronized void properties(DynamicPropertyRegistry registry) throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.builder().start();
            postgres.createDatabase("identity");
            keys = Files.createTempDirectory("identity-keys");
        }
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl("identity"));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("server.port", () -> PORT);
        registry.add("gridgov.identity.issuer", () -> ISSUER);
        registry.add("gridgov.identity.console-base-urls", () -> CONSOLE_BASE);
        registry.add("gridgov.identity.key-directory", keys::toString);
        registry.add("gridgov.identity.local-tokens", () -> "true");
        registry.add("gridgov.identity.service-clients.apps-registry.secret", () -> APPS_SERVICE_SECRET);
        registry.add("gridgov.identity.service-clients.member-accounts.secret", () -> MEMBER_SERVICE_SECRET);
        String services = OwningServices.get().url();
        registry.add("gridgov.identity.directory.grid-url", () -> services);
        registry.add("gridgov.identity.directory.member-url", () -> services);
        registry.add("gridgov.identity.directory.fieldwork-url", () -> services);
    }

    static Path keyDirectory() {
        return keys;
    }

    /** A browser: keeps cookies, follows no redirects (the test follows them, to see each one). */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> get(HttpClient http, String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postForm(HttpClient http, String url, Map<String, String> form, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> sendJson(HttpClient http, String method, String url, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    }

    static String csrf(String loginPage) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the login page: " + loginPage);
        }
        return matcher.group(1);
    }

    /** Verifies a token as a service does: RS256 against the JWKS, expiry. */
    static JWTClaimsSet verify(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(new URL(ISSUER + "/jwks")).retrying(false).build()));
        return processor.process(token, null);
    }

    /** Creates (or replaces) a person through the local set-up endpoint, as the demo data does. */
    static void user(String username, String password, String json) throws Exception {
        String body = json.replaceFirst("\\{", "{\"password\":\"" + password + "\",");
        HttpResponse<String> response = sendJson(HttpClient.newHttpClient(), "PUT", "/local/users/" + username, body);
        if (response.statusCode() != 204) {
            throw new AssertionError("user not created: " + response.statusCode() + " " + response.body());
        }
    }

    private static URI absolute(String url) {
        return URI.create(url.startsWith("http") ? url : ISSUER + url);
    }
}
