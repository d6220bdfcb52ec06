package org.gridgov.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.test.RawHttpConnection;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client that keeps its connection open gets an answer to every request, whatever came before it
 * on that connection. Answers that come at once (a 400 for a missing parameter) right after answers
 * that came from the database thread stalled the next request for good ({@link ReadAfterResponse});
 * both loops failed within three rounds without it.
 */
class KeepAliveIT extends ServiceIntegrationTest {

    private static final int ROUNDS = 25;

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    private static List<String> round() {
        return List.of("/api/parcels/" + UUID.randomUUID(),   // 404, answered from the database's thread
                "/api/parcels",                               // 400 at once: the name parameter is missing
                "/api/parcels?name=x",                        // 200
                "/api/parcels/not-a-uuid");                   // 400 at once
    }

    @Test
    void one_kept_alive_connection_answers_every_request_after_refusals() throws Exception {
        String token = token("GRID_STAFF");
        try (RawHttpConnection connection = new RawHttpConnection(port, 5_000)) {
            for (int i = 0; i < ROUNDS; i++) {
                for (String target : round()) {
                    connection.send(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + token + "\r\n\r\n").getBytes());
                    RawHttpConnection.Response response = connection.readResponse();
                    assertThat(response.closes()).as("round %d, %s: %s", i, target, response).isFalse();
                }
            }
        }
    }

    /**
     * A request the codec cannot read (a request line too long, an unprintable header) right after an answer
     * from the database's thread got no answer at all, straight to a service: the 100,000-request fuzz pass
     * found it, and this failed in the first or second round before {@link EmptyErrorBodies} answered them.
     */
    @Test
    void a_request_the_server_cannot_read_after_an_answer_is_refused_with_a_problem() throws Exception {
        String token = token("GRID_STAFF");
        List<String> unreadable = List.of("GET /api/parcels?q=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /api/parcels/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\nX-Odd: a\u0001b\r\n\r\n");
        for (int i = 0; i < ROUNDS; i++) {
            for (String request : unreadable) {
                try (RawHttpConnection connection = new RawHttpConnection(port, 5_000)) {
                    connection.send(("GET /api/parcels/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + token + "\r\n\r\n").getBytes());
                    assertThat(connection.readResponse().status()).isEqualTo(404);
                    connection.send(request.getBytes());
                    RawHttpConnection.Response refused = connection.readResponse();
                    assertThat(refused.status()).as("round %d", i).isIn(400, 414);
                    assertThat(refused.contentType()).startsWith("application/problem+json");
                    assertThat(refused.closes()).isTrue();
                }
            }
        }
    }

    @Test
    void a_pooling_client_gets_every_answer_in_time() {
        WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(5)).build();
        String token = token("GRID_STAFF");
        for (int i = 0; i < ROUNDS; i++) {
            for (String target : round()) {
                client.get().uri(target).headers(h -> h.setBearerAuth(token)).exchange()
                        .expectHeader().exists("Content-Type");
            }
        }
    }
}
