package org.gridgov.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in, in the identity module's own tests, for the services user management asks (grid-service's nodes with
 * their lineage, member-service's units and members, fieldwork-service's departments) — their real answers are
 * tested in system-tests' IdentityIT against the real services. Refuses calls without a bearer token, as they do.
 */
final class OwningServices {

    static final String DISTRICT = "00000000-0000-0000-0000-0000000000d1";
    static final String STREET = "00000000-0000-0000-0000-0000000000a1";
    static final String COMMUNITY_1 = "00000000-0000-0000-0000-0000000000c1";
    static final String COMMUNITY_2 = "00000000-0000-0000-0000-0000000000c2";
    static final String OTHER_STREET = "00000000-0000-0000-0000-0000000000a2";
    static final String UNIT = "00000000-0000-0000-0000-00000000000e";
    static final String MEMBER = "00000000-0000-0000-0000-00000000000f";
    static final String DEPARTMENT = "00000000-0000-0000-0000-000000000de1";

    private static final Map<String, List<String>> PATHS = Map.of(
            DISTRICT, List.of(), STREET, List.of(DISTRICT), OTHER_STREET, List.of(DISTRICT),
            COMMUNITY_1, List.of(DISTRICT, STREET), COMMUNITY_2, List.of(DISTRICT, STREET));
    private static OwningServices running;

    private final HttpServer server;
    /** The Authorization headers the services were called with. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    private OwningServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    static synchronized OwningServices get() {
        if (running == null) {
            try {
                running = new OwningServices();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return running;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String path = exchange.getRequestURI().getPath();
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            send(exchange, 401, "{}");
            return;
        }
        authorizations.add(authorization);
        String id = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith("/api/grid/nodes/") && PATHS.containsKey(id)) {
            String ancestors = String.join(",", PATHS.get(id).stream().map(node -> "\"" + node + "\"").toList());
            send(exchange, 200, "{\"id\":\"" + id + "\",\"path\":[" + ancestors + "]}");
        } else if ((path.equals("/api/units/" + UNIT) || path.equals("/api/members/" + MEMBER)
                || path.equals("/api/departments/" + DEPARTMENT)) && Set.of(UNIT, MEMBER, DEPARTMENT).contains(id)) {
            send(exchange, 200, "{\"id\":\"" + id + "\"}");
        } else {
            send(exchange, 404, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
