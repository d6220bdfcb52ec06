package org.gridgov.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gridgov.infra.TokenRequest;
import org.gridgov.local.service.PlatformAddresses;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider ({@code identity} module) as a child JVM: started once PostgreSQL has its
 * database, ready before the services start, stopped after them. On the local platform and in the
 * system tests its {@code /local/**} endpoints are on: persona tokens signed with its key, the demo's
 * people, client apps without a service token.
 */
public final class Identity implements AutoCloseable {

    public static final String MODULE = "identity";
    /** The local platform's (and only the local platform's) shared secret of apps-service's own client. */
    public static final String APPS_CLIENT_SECRET = "local-apps-service-client-secret";
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final String issuerUri;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Identity(Process process, String issuerUri, Path log) {
        this.process = process;
        this.issuerUri = issuerUri;
        this.log = log;
    }

    /** What the services are told about the identity provider beyond its issuer URI: apps-service's own client secret. */
    public static Map<String, String> serviceEnvironment() {
        return Map.of("IDENTITY_APPS_CLIENT_SECRET", APPS_CLIENT_SECRET);
    }

    public static Path jar(Path repoRoot, String version) {
        return repoRoot.resolve(MODULE).resolve("target").resolve(MODULE + "-" + version + ".jar");
    }

    /** Starts the identity JVM with its database and keys, and waits until it answers as ready. */
    public static Identity start(Path jar, int port, Path keys, PlatformAddresses addresses, Path logs, Duration timeout)
            throws InterruptedException {
        String issuer = issuerUri(port);
        String gateway = addresses.baseUrl(ServiceSpec.GATEWAY);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("DB_HOST", addresses.dbHost());
        environment.put("DB_PORT", Integer.toString(addresses.dbPort()));
        environment.put("DB_NAME", MODULE);
        environment.put("DB_USER", addresses.dbUser());
        environment.put("DB_PASSWORD", addresses.dbPassword());
        environment.put("OIDC_ISSUER_URI", issuer);
        environment.put("IDENTITY_KEY_DIRECTORY", keys.toString());
        environment.put("IDENTITY_LOCAL_TOKENS", "true");
        environment.put("IDENTITY_APPS_CLIENT_SECRET", APPS_CLIENT_SECRET);
        // the console may be opened as localhost or 127.0.0.1
        environment.put("GRIDGOV_CONSOLE_BASE_URLS", gateway + "," + gateway.replace("localhost", "127.0.0.1"));
        // user management asks the owning services whether the nodes, units, members and departments it names exist
        environment.put("GRID_SERVICE_URL", addresses.baseUrl(ServiceSpec.GRID));
        environment.put("MEMBER_SERVICE_URL", addresses.baseUrl(ServiceSpec.MEMBER));
        environment.put("FIELDWORK_SERVICE_URL", addresses.baseUrl(ServiceSpec.FIELDWORK));
        environment.put("MANAGEMENT_INFO_PROCESS_ENABLED", "true");
        environment.put("GRIDGOV_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Services.QUICK_START_JVM);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = logs.resolve(MODULE + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Identity identity;
        try {
            identity = new Identity(builder.start(), issuer, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + MODULE, e);
        }
        try {
            identity.awaitReady(timeout);
        } catch (RuntimeException | InterruptedException e) {
            identity.close();
            throw e;
        }
        return identity;
    }

    /** The issuer of every token: the services' {@code OIDC_ISSUER_URI}. */
    public static String issuerUri(int port) {
        return "http://127.0.0.1:" + port;
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
        HttpResponse<String> response = send("POST", "/local/token", JSON.writeValueAsString(body));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the identity provider refused a token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** Creates (or replaces) a person who signs in: {@code PUT /local/users/{username}}. */
    public void putUser(String username, Map<String, Object> user) {
        HttpResponse<String> response = send("PUT", "/local/users/" + username, JSON.writeValueAsString(user));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("the identity provider refused the user " + username + ": "
                    + response.statusCode() + " " + response.body());
        }
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
                throw new IllegalStateException(MODULE + " exited with code " + process.exitValue() + "; see " + log
                        + tail());
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
            Thread.sleep(500);
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

    private HttpResponse<String> send(String method, String path, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuerUri + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the identity provider did not answer at " + issuerUri + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the identity provider", e);
        }
    }
}
