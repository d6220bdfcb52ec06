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
