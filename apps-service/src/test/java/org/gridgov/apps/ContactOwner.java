package org.gridgov.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * wish-service's service-to-service contact read as apps-service sees it, on 127.0.0.1 (a real HTTP server): answers
 * {@code GET /internal/wishes/{id}/resident-contact?subject=} for the residents' phones a test gives it, and only to a
 * CLIENT token with the scope contacts:read (the token apps-service got from the local issuer). wish-service's own
 * side is tested in wish-service (ResidentContactIT).
 */
public final class ContactOwner implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/internal/wishes/([0-9a-f-]{36})/resident-contact");

    private record Resident(String subject, String phone) {
    }

    private final HttpServer server;
    private final Map<UUID, Resident> residents = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final JsonMapper json = JsonMapper.builder().build();

    public ContactOwner() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/wishes/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The resident (their token's subject) who ordered this wish gave this phone. */
    public void resident(UUID wish, String subject, String phone) {
        residents.put(wish, new Resident(subject, phone));
    }

    /** Requests refused for want of a proper token (none expected). */
    public int refused() {
        return refused.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!serviceToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            String query = exchange.getRequestURI().getRawQuery();
            String subject = query == null || !query.startsWith("subject=") ? ""
                    : URLDecoder.decode(query.substring("subject=".length()), StandardCharsets.UTF_8);
            Resident resident = path.matches() ? residents.get(UUID.fromString(path.group(1))) : null;
            if (resident == null || !resident.subject().equals(subject)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = json.writeValueAsBytes(Map.of("phone", resident.phone()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private boolean serviceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("roles").toString().contains("CLIENT")
                && (" " + claims.path("scope").asString() + " ").contains(" contacts:read ");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
