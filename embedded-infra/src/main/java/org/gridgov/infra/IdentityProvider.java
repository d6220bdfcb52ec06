package org.gridgov.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * GridGov's identity provider (the {@code identity} module, Spring Authorization Server) run from its
 * executable jar as a child JVM on 127.0.0.1, with its database in a {@link PostgresServer}: the issuer of
 * every token on the local platform, in the system tests and in each module's integration tests.
 *
 * <p>It runs with its {@code /local/**} endpoints on, which only the local platform and tests may do: a token
 * for any persona ({@link #issue}), signed with the provider's own key, so that the services check exactly the
 * signatures, issuer and claims they check in production; people who sign in ({@link #putUser}); and client apps
 * registered without a service token ({@link #registerClient}).
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String MODULE = "identity";
    private static final String HOST = "127.0.0.1";
    private static final Duration GRACE = Duration.ofSeconds(20);
    /** What a child JVM on a shared machine needs: a small heap, a quick start. */
    public static final List<String> SMALL_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m",
            "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    private final Process process;
    private final String issuerUri;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private IdentityProvider(Process process, String issuerUri, Path log) {
        this.process = process;
        this.issuerUri = issuerUri;
        this.log = log;
    }

    public static Builder builder(Path jar) {
        return new Builder(jar);
    }

    /** The issuer of every token, {@code http://127.0.0.1:<port>}: the services' {@code OIDC_ISSUER_URI}. */
    public static String issuerUri(int port) {
        return "http://" + HOST + ":" + port;
    }

    public String issuerUri() {
        return issuerUri;
    }

    public String jwksUri() {
        return issuerUri + "/jwks";
    }

    /** The local token endpoint: a token for any persona, signed with the identity provider's key. */
    public String tokenUri() {
        return issuerUri + "/local/token";
    }

    /** The standard OAuth 2.0 token endpoint (client credentials of registered apps, codes, refresh). */
    public String clientTokenUri() {
        return issuerUri + "/oauth2/token";
    }

    public Path log() {
        return log;
    }

    /** A token with exactly these claims, from {@code POST /local/token}. */
    public String issue(TokenRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", request.subject());
        body.put("roles", request.roles());
        body.put("jurisdiction", request.jurisdiction());
        body.put("unit", request.unit());
        body.put("member", request.member());
        body.put("scope", request.scope());
        body.put("department", request.department());
        body.put("expiresInSeconds", request.expiresIn().toSeconds());
        HttpResponse<String> response = send("POST", "/local/token", body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the identity provider refused a token: " + response.statusCode() + " " + response.body());
        }
        try {
            return JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "access_token");
        } catch (ParseException e) {
            throw new IllegalStateException("the identity provider answered a token request with " + response.body(), e);
        }
    }

    /** Creates (or replaces) a person who signs in: {@code PUT /local/users/{username}}. */
    public void putUser(String username, Map<String, Object> user) {
        expectNoContent(send("PUT", "/local/users/" + username, user), "the user " + username);
    }

    /** Registers a client app (or replaces its secret, scopes and jurisdiction): {@code PUT /local/clients/{id}}. */
    public void registerClient(String clientId, String secret, String scope, String jurisdiction) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("secret", secret);
        client.put("scope", scope);
        client.put("jurisdiction", jurisdiction);
        expectNoContent(send("PUT", "/local/clients/" + clientId, client), "the client " + clientId);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(MODULE + " exited with code " + process.exitValue() + "; see " + log + tail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(issuerUri + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(MODULE + " not ready after " + timeout.toSeconds() + " s; see " + log + tail());
            }
            Thread.sleep(250);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n  | " + String.join("\n  | ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private void expectNoContent(HttpResponse<String> response, String what) {
        if (response.statusCode() != 204) {
            throw new IllegalStateException("the identity provider refused " + what + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private HttpResponse<String> send(String method, String path, Map<String, Object> json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuerUri + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(json), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the identity provider did not answer at " + issuerUri + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the identity provider", e);
        }
    }

    /** Where the identity provider's jar, database, keys and log are, and what else it is told. */
    public static final class Builder {

        private final Path jar;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private List<String> jvmFlags = SMALL_JVM;
        private int port;
        private Path log;
        private Duration timeout = Duration.ofMinutes(3);

        private Builder(Path jar) {
            this.jar = jar;
            environment.put("IDENTITY_LOCAL_TOKENS", "true");
            environment.put("GRIDGOV_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        }

        /** Its database, which must exist (Flyway creates the tables). */
        public Builder database(PostgresServer postgres, String name) {
            return database(postgres.host(), postgres.port(), postgres.username(), postgres.password(), name);
        }

        public Builder database(String host, int port, String user, String password, String name) {
            environment.put("DB_HOST", host);
            environment.put("DB_PORT", Integer.toString(port));
            environment.put("DB_NAME", name);
            environment.put("DB_USER", user);
            environment.put("DB_PASSWORD", password);
            return this;
        }

        /** The port it listens on (0: any free one); the issuer URI follows from it. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where it keeps its signing key, so that tokens survive a restart; none: a new key each start. */
        public Builder keyDirectory(Path keys) {
            environment.put("IDENTITY_KEY_DIRECTORY", keys.toString());
            return this;
        }

        /** Where the gateway serves the console (redirect URIs and CORS origins). */
        public Builder consoleBaseUrls(List<String> baseUrls) {
            environment.put("GRIDGOV_CONSOLE_BASE_URLS", String.join(",", baseUrls));
            return this;
        }

        /** The secret of apps-service's own client, which registers and revokes the apps' clients. */
        public Builder appsClientSecret(String secret) {
            environment.put("IDENTITY_APPS_CLIENT_SECRET", secret);
            return this;
        }

        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder jvmFlags(List<String> flags) {
            this.jvmFlags = List.copyOf(flags);
            return this;
        }

        /** Its standard output and error; none: a temporary file. */
        public Builder log(Path log) {
            this.log = log;
            return this;
        }

        public Builder readyWithin(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Starts the JVM and waits until it answers as ready. */
        public IdentityProvider start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the identity provider's jar is not built: " + jar
                        + " (mvn -pl identity package, or build the whole reactor)");
            }
            int listen = port == 0 ? FreePorts.any() : port;
            String issuer = issuerUri(listen);
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("SERVER_PORT", Integer.toString(listen));
            env.put("SERVER_ADDRESS", HOST);
            env.put("OIDC_ISSUER_URI", issuer);
            env.putIfAbsent("GRIDGOV_CONSOLE_BASE_URLS", issuer);
            Path output;
            try {
                output = log != null ? log : Files.createTempFile(MODULE + "-", ".log");
            } catch (IOException e) {
                throw new UncheckedIOException("no place for the identity provider's log", e);
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmFlags);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            process.environment().putAll(env);
            IdentityProvider identity;
            try {
                identity = new IdentityProvider(process.start(), issuer, output);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + MODULE, e);
            }
            try {
                identity.awaitReady(timeout);
            } catch (RuntimeException e) {
                identity.close();
                throw e;
            } catch (InterruptedException e) {
                identity.close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the identity provider started", e);
            }
            return identity;
        }
    }
}
