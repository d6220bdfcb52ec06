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
 * wish-service's and member-service's service-to-service contact reads as apps-service sees them, on 127.0.0.1 (a real
 * HTTP server): answers {@code GET /internal/wishes/{id}/resident-contact?subject=} for the residents' phones a test
 * gives it, {@code GET /internal/members/{id}/contact} and {@code /internal/units/{id}/contact} for party members' and
 * units' phones, and only to a CLIENT token with the scope contacts:read (the token apps-service got from the identity
 * provider). The owners' own side is tested in wish-service (ResidentContactIT) and member-service (ContactIT).
 */
public final class ContactOwner implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/internal/wishes/([0-9a-f-]{36})/resident-contact");
    private static final Pattern OWNER_PATH = Pattern.compile("/internal/(members|units)/([0-9a-f-]{36})/contact");

    private record Resident(String subject, String phone) {
    }

    private final HttpServer server;
    private final Map<UUID, Resident> residents = new ConcurrentHashMap<>();
    private final Map<UUID, String> membersAndUnits = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final JsonMapper json = JsonMapper.builder().build();

    public ContactOwner() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The resident (their token's subject) who ordered this wish gave this phone. */
    public void resident(UUID wish, String subject, String phone) {
        residents.put(wish, new Resident(subject, phone));
    }

    /** A party member or a member unit (its contact) gave this phone. */
    public void memberOrUnit(UUID id, String phone) {
        membersAndUnits.put(id, phone);
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
            String phone = phone(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery());
            if (phone == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = json.writeValueAsBytes(Map.of("phone", phone));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private String phone(String path, String query) {
        Matcher owner = OWNER_PATH.matcher(path);
        if (owner.matches()) {
            return membersAndUnits.get(UUID.fromString(owner.group(2)));
        }
        Matcher wish = PATH.matcher(path);
        String subject = query == null || !query.startsWith("subject=") ? ""
                : URLDecoder.decode(query.substring("subject=".length()), StandardCharsets.UTF_8);
        Resident resident = wish.matches() ? residents.get(UUID.fromString(wish.group(1))) : null;
        return resident == null || !resident.subject().equals(subject) ? null : resident.phone();
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
        JsonNode scope = claims.path("scope");
        // a space-separated string (RFC 8693) or, as the identity provider writes it, an array
        boolean readsContacts = scope.isArray() ? scope.toString().contains("\"contacts:read\"")
                : (" " + scope.asString() + " ").contains(" contacts:read ");
        return claims.path("roles").toString().contains("CLIENT") && readsContacts;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
