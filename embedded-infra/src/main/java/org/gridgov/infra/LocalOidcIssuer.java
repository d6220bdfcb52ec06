package org.gridgov.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small but real OpenID Connect issuer: discovery document, JWKS and RS256-signed JWTs, on
 * 127.0.0.1.
 *
 * <p><strong>For local runs and tests only.</strong> It hands any token to anyone who asks
 * ({@code POST /local/token}), so it must never be reachable in a real deployment; there the
 * services trust only the configured production issuer.
 *
 * <ul>
 * <li>{@code GET /.well-known/openid-configuration} — issuer, jwks_uri, token_endpoint</li>
 * <li>{@code GET /jwks} — the public signing key</li>
 * <li>{@code POST /local/token} with
 * {@code {"sub":"…","roles":["GRID_STAFF"],"jurisdiction":"…","unit":null,"member":null,"scope":null,"department":null,"expiresInSeconds":3600}}
 * — returns {@code {"access_token":"…","token_type":"Bearer","expires_in":3600}}</li>
 * <li>{@code POST /oauth2/token} with {@code grant_type=client_credentials} (form-encoded; the client
 * authenticates with HTTP Basic or {@code client_id}/{@code client_secret}; an optional {@code scope}
 * narrows the granted scopes) — the standard OAuth 2.0 client-credentials grant for registered client
 * apps: a CLIENT token with the app's scopes and jurisdiction, {@value #CLIENT_TOKEN_MINUTES} minutes long.
 * Errors as RFC 6749 {@code {"error":"invalid_client",…}}.</li>
 * <li>{@code PUT /local/clients/{clientId}} with {@code {"secret":"…","scope":"a b","jurisdiction":"…"}}
 * registers (or updates) a client; {@code DELETE /local/clients/{clientId}} revokes it — the local stand-in
 * for an identity provider's admin API, called by the service that registers apps.</li>
 * </ul>
 * Tokens carry iss, sub, aud {@value #AUDIENCE}, iat, exp, jti, roles, and jurisdiction, unit,
 * member and scope when given. Errors are {@code application/problem+json}.
 */
public final class LocalOidcIssuer implements AutoCloseable {

    public static final String AUDIENCE = "gridgov";
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    public static final String JWKS_PATH = "/jwks";
    public static final String TOKEN_PATH = "/local/token";
    public static final String CLIENT_TOKEN_PATH = "/oauth2/token";
    public static final String CLIENTS_PATH = "/local/clients/";
    static final int CLIENT_TOKEN_MINUTES = 15;

    private static final String HOST = "127.0.0.1";
    private static final String KEY_FILE = "signing-key.json";
    private static final int KEY_SIZE = 2048;

    private final RSAKey signingKey;
    private final RSASSASigner signer;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuerUri;
    private final LocalClients clients;

    private LocalOidcIssuer(Builder builder) {
        this.signingKey = signingKey(builder.keyDirectory);
        this.clients = new LocalClients(builder.keyDirectory);
        try {
            this.signer = new RSASSASigner(signingKey);
            this.server = HttpServer.create(
                    new InetSocketAddress(HOST, FreePorts.resolve(builder.port, builder.orNextFreePort)), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the issuer cannot listen", e);
        }
        this.issuerUri = "http://" + HOST + ":" + server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-oidc-issuer");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The issuer identifier, also the {@code iss} claim and the base of every endpoint. */
    public String issuerUri() {
        return issuerUri;
    }

    public String jwksUri() {
        return issuerUri + JWKS_PATH;
    }

    public String tokenUri() {
        return issuerUri + TOKEN_PATH;
    }

    /** The standard token endpoint: the client-credentials grant of registered client apps. */
    public String clientTokenUri() {
        return issuerUri + CLIENT_TOKEN_PATH;
    }

    /** Registers a client app (or replaces its secret, scopes and jurisdiction), as {@code PUT /local/clients/{id}} does. */
    public void registerClient(String clientId, String secret, String scope, String jurisdiction) {
        clients.register(clientId, secret, LocalClients.scopes(scope), jurisdiction);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Signs a token for the request, exactly as {@code POST /local/token} would. */
    public String issue(TokenRequest request) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuerUri)
                .subject(request.subject())
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(request.expiresIn())))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", request.roles());
        putIfPresent(claims, "jurisdiction", request.jurisdiction());
        putIfPresent(claims, "unit", request.unit());
        putIfPresent(claims, "member", request.member());
        putIfPresent(claims, "scope", request.scope());
        putIfPresent(claims, "department", request.department());
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void putIfPresent(JWTClaimsSet.Builder claims, String name, String value) {
        if (value != null) {
            claims.claim(name, value);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case DISCOVERY_PATH -> {
                    requireMethod(exchange, "GET");
                    respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(discovery()));
                }
                case JWKS_PATH -> {
                    requireMethod(exchange, "GET");
                    respond(exchange, 200, "application/json", new JWKSet(signingKey).toString(true));
                }
                case TOKEN_PATH -> {
                    requireMethod(exchange, "POST");
                    TokenRequest request = TokenRequests.parse(
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(Map.of(
                            "access_token", issue(request),
                            "token_type", "Bearer",
                            "expires_in", request.expiresIn().toSeconds())));
                }
                case CLIENT_TOKEN_PATH -> {
                    requireMethod(exchange, "POST");
                    clientCredentials(exchange);
                }
                default -> {
                    if (path.startsWith(CLIENTS_PATH) && path.length() > CLIENTS_PATH.length()) {
                        manageClient(exchange, path.substring(CLIENTS_PATH.length()));
                    } else {
                        throw new HttpProblem(404, "no such endpoint: " + path);
                    }
                }
            }
        } catch (HttpProblem problem) {
            respondProblem(exchange, problem.status(), problem.getMessage());
        } catch (RuntimeException e) {
            respondProblem(exchange, 500, "the local issuer failed: " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    /** RFC 6749 §4.4: the client authenticates, gets a CLIENT token with (a subset of) its scopes. */
    private void clientCredentials(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] credentials = basicCredentials(exchange).orElse(new String[] {form.get("client_id"), form.get("client_secret")});
        if (!"client_credentials".equals(form.get("grant_type"))) {
            oauthError(exchange, 400, "unsupported_grant_type", "only grant_type=client_credentials is supported here");
            return;
        }
        LocalClients.Client client = credentials[0] == null ? null
                : clients.authenticate(credentials[0], credentials[1]).orElse(null);
        if (client == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"gridgov\"");
            oauthError(exchange, 401, "invalid_client", "unknown client, wrong secret, or the app was revoked");
            return;
        }
        Set<String> requested = form.containsKey("scope") ? LocalClients.scopes(form.get("scope")) : client.scopes();
        if (!client.scopes().containsAll(requested)) {
            oauthError(exchange, 400, "invalid_scope", "the app was not granted every requested scope");
            return;
        }
        Duration lifetime = Duration.ofMinutes(CLIENT_TOKEN_MINUTES);
        String scope = String.join(" ", requested);
        String token = issue(new TokenRequest(client.clientId(), List.of("CLIENT"), client.jurisdiction(), null, null,
                scope.isEmpty() ? null : scope, lifetime));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        body.put("scope", scope);
        respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(body));
    }

    private void manageClient(HttpExchange exchange, String clientId) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                Map<String, Object> json;
                try {
                    json = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                } catch (ParseException e) {
                    throw new HttpProblem(400, "the body is not a JSON object");
                }
                if (!(json.get("secret") instanceof String secret) || secret.isBlank()) {
                    throw new HttpProblem(400, "\"secret\" is required");
                }
                Object scope = json.get("scope");
                Object jurisdiction = json.get("jurisdiction");
                if ((scope != null && !(scope instanceof String)) || (jurisdiction != null && !(jurisdiction instanceof String))) {
                    throw new HttpProblem(400, "\"scope\" and \"jurisdiction\" must be strings");
                }
                registerClient(clientId, secret, (String) scope, (String) jurisdiction);
            }
            case "DELETE" -> clients.revoke(clientId);
            default -> {
                exchange.getResponseHeaders().set("Allow", "PUT, DELETE");
                throw new HttpProblem(405, exchange.getRequestMethod() + " is not allowed here; use PUT or DELETE");
            }
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private static Optional<String[]> basicCredentials(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            // RFC 6749 §2.3.1: both parts are form-encoded before Basic encoding
            return Optional.of(new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new HttpProblem(400, "the body is not valid form encoding");
            }
        }
        return form;
    }

    private static void oauthError(HttpExchange exchange, int status, String error, String description) throws IOException {
        respond(exchange, status, "application/json",
                JSONObjectUtils.toJSONString(Map.of("error", error, "error_description", description)));
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUri);
        document.put("jwks_uri", jwksUri());
        document.put("token_endpoint", clientTokenUri());
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("local_token_endpoint", tokenUri());
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("subject_types_supported", List.of("public"));
        document.put("response_types_supported", List.of("token"));
        return document;
    }

    private static void requireMethod(HttpExchange exchange, String method) {
        if (!exchange.getRequestMethod().equals(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new HttpProblem(405, exchange.getRequestMethod() + " is not allowed here; use " + method);
        }
    }

    private static void respondProblem(HttpExchange exchange, int status, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 401 -> "Unauthorized";
            default -> "Internal Server Error";
        });
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequestURI().getPath());
        respond(exchange, status, "application/problem+json", JSONObjectUtils.toJSONString(problem));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A kept key lets tokens handed out before a launcher restart stay valid after it. */
    private static RSAKey signingKey(Path keyDirectory) {
        try {
            if (keyDirectory == null) {
                return generateKey();
            }
            Path keyFile = keyDirectory.resolve(KEY_FILE);
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile));
            }
            RSAKey key = generateKey();
            Files.createDirectories(keyDirectory);
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the issuer key in " + keyDirectory, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("unusable issuer key in " + keyDirectory, e);
        }
    }

    private static RSAKey generateKey() throws JOSEException {
        return new RSAKeyGenerator(KEY_SIZE).keyIDFromThumbprint(true).generate();
    }

    /** An error that becomes a problem+json response with this status. */
    static final class HttpProblem extends RuntimeException {
        private final int status;

        HttpProblem(int status, String detail) {
            super(detail);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    public static final class Builder extends PortedBuilder<Builder> {
        private Path keyDirectory;

        private Builder() {
        }

        /** Keeps the signing key in this directory; by default a new key per start. */
        public Builder keyDirectory(Path keyDirectory) {
            this.keyDirectory = keyDirectory;
            return this;
        }

        public LocalOidcIssuer start() {
            return new LocalOidcIssuer(this);
        }
    }
}
