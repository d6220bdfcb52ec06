package org.gridgov.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code {"sub":"…","roles":["GRID_STAFF"],"jurisdiction":"…","unit":null,"member":null,"scope":null,"expiresInSeconds":3600}}
 * — returns {@code {"access_token":"…","token_type":"Bearer","expires_in":3600}}</li>
 * </ul>
 * Tokens carry iss, sub, aud {@value #AUDIENCE}, iat, exp, jti, roles, and jurisdiction, unit,
 * member and scope when given. Errors are {@code application/problem+json}.
 */
public final class LocalOidcIssuer implements AutoCloseable {

    public static final String AUDIENCE = "gridgov";
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    public static final String JWKS_PATH = "/jwks";
    public static final String TOKEN_PATH = "/local/token";

    private static final String HOST = "127.0.0.1";
    private static final String KEY_FILE = "signing-key.json";
    private static final int KEY_SIZE = 2048;

    private final RSAKey signingKey;
    private final RSASSASigner signer;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuerUri;

    private LocalOidcIssuer(Builder builder) {
        this.signingKey = signingKey(builder.keyDirectory);
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
                default -> throw new HttpProblem(404, "no such endpoint: " + path);
            }
        } catch (HttpProblem problem) {
            respondProblem(exchange, problem.status(), problem.getMessage());
        } catch (RuntimeException e) {
            respondProblem(exchange, 500, "the local issuer failed: " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUri);
        document.put("jwks_uri", jwksUri());
        document.put("token_endpoint", tokenUri());
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
