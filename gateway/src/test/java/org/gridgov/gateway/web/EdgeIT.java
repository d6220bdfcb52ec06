package org.gridgov.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridgov.gateway.GatewayIntegrationTest;
import org.gridgov.kit.test.RawHttpConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** What the public entry does for every request: size limits, CORS, security headers, request ids, access log. */
@ExtendWith(OutputCaptureExtension.class)
class EdgeIT extends GatewayIntegrationTest {

    private static final String APP = "https://app.gridgov.example";
    private static final int TWO_MB = 2 * 1024 * 1024;

    /** One read a grid staff member may make on each service's route. */
    private static final List<String> FORWARDED_READS = List.of("/api/grid/resolve?address=1", "/api/members", "/api/needs",
            "/api/matching/wishes/00000000-0000-0000-0000-000000000001/candidates");

    @LocalServerPort
    private int port;

    @Test
    void a_kept_alive_connection_answers_the_next_request_after_a_refusal_at_the_door() throws Exception {
        // Sixteen clients at once, each on its own kept-alive connection: a POST the gateway refuses
        // (a resident may never correct points: 403 before the body is needed), its body sent in two
        // parts, sometimes with a pause between them, then an ordinary GET on the same connection,
        // forwarded to a service (four clients per route, within each route's bulkhead). Before
        // refusals read and dropped the unread body, about 3 % of these GETs were never answered.
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                Random random = new Random(client);
                String read = FORWARDED_READS.get(client % FORWARDED_READS.size());
                answers.add(clients.submit(() -> refusalsThenReads(random, read, 15)));
            }
            for (Future<List<Integer>> answer : answers) {
                assertThat(answer.get()).as("status of each refused POST and of the GET after it").containsOnly(403, 200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private List<Integer> refusalsThenReads(Random random, String read, int rounds) throws Exception {
        String resident = token("RESIDENT");
        String staff = token("GRID_STAFF");
        List<Integer> statuses = new ArrayList<>();
        try (RawHttpConnection connection = new RawHttpConnection(port, 20_000)) {
            for (int round = 0; round < rounds; round++) {
                byte[] body = ("{\"memberId\":\"x\",\"reason\":\"" + "x".repeat(List.of(10, 1_000, 20_000, 200_000)
                        .get(random.nextInt(4))) + "\"}").getBytes(StandardCharsets.UTF_8);
                int split = random.nextInt(body.length + 1);
                connection.send(("POST /api/points/corrections HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + resident
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                connection.send(Arrays.copyOfRange(body, 0, split));
                if (random.nextBoolean()) {
                    Thread.sleep(random.nextInt(50));
                }
                connection.send(Arrays.copyOfRange(body, split, body.length));
                statuses.add(connection.readResponse().status());
                connection.send(("GET " + read + " HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + staff + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                try {
                    statuses.add(connection.readResponse().status());
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("round " + round + ": GET " + read + " after a refused POST on the same "
                            + "connection got no answer within 20 s", e);
                }
            }
        }
        return statuses;
    }

    @Test
    void a_body_over_one_megabyte_is_refused_with_413_problem_and_never_reaches_the_service() {
        String id = requestId();
        web.post().uri("/api/needs")
                .headers(as(token("GRID_STAFF"), id))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"" + "x".repeat(TWO_MB) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/payload-too-large");
        assertThat(backends.wish.received(id)).isEmpty();
        // the refused body was read and dropped, so the kept-alive connection answers the next request
        web.get().uri("/api/needs").headers(as(token("GRID_STAFF"), requestId())).exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_streamed_body_over_one_megabyte_is_refused_with_413_problem() {
        // 32 chunks of 64 KB without a Content-Length: the gateway only finds out while forwarding
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> body = Flux.range(0, 32).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
        String id = requestId();
        web.post().uri("/api/needs")
                .headers(as(token("GRID_STAFF"), id))
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(body))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(backends.wish.received(id)).isEmpty();
    }

    @Test
    void a_request_line_too_long_for_the_gateway_is_a_414_problem() throws Exception {
        RawHttpConnection.Response answer = RawHttpConnection.get(port, "/api/needs?q=" + "x".repeat(10_000), null);
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":414");
    }

    @Test
    void a_malformed_percent_escape_is_a_400_problem() throws Exception {
        // (an escape that is well-formed but not UTF-8, %E0%A4, is the service's to judge: the gateway forwards it)
        for (String path : new String[] {"/api/needs/%zz", "/api/needs?status=%", "/api/wishes/%G1"}) {
            RawHttpConnection.Response answer = RawHttpConnection.get(port, path, token("GRID_STAFF"));
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).isEqualTo("application/problem+json");
        }
    }

    @Test
    void errors_the_gateway_makes_on_open311_paths_are_the_georeport_error_list() throws Exception {
        web.get().uri(java.net.URI.create("http://127.0.0.1:" + port + "/open311/v2/requests/a%00b.json")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$[0].code").isEqualTo(400).jsonPath("$[0].description").isNotEmpty();
        web.get().uri(java.net.URI.create("http://127.0.0.1:" + port + "/open311/v2/requests/a%00b.xml")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(String.class).value(xml -> assertThat(xml).contains("<errors><error><code>400</code><description>"));
    }

    @Test
    void an_accept_header_of_garbage_or_event_stream_still_gets_a_problem() {
        for (String accept : new String[] {"garbage", "text/event-stream", "application/xml"}) {
            web.get().uri("/api/needs").header("Accept", accept).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
    }

    @Test
    void a_browser_app_from_an_allowed_origin_may_call_the_api() {
        web.options().uri("/api/wishes")
                .headers(h -> {
                    h.setOrigin(APP);
                    h.setAccessControlRequestMethod(HttpMethod.POST);
                    h.set("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
                })
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", APP);
        web.get().uri("/api/wishes").headers(h -> {
                    h.setBearerAuth(token("RESIDENT"));
                    h.setOrigin(APP);
                })
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", APP)
                .expectHeader().value("Access-Control-Expose-Headers", exposed -> assertThat(exposed).contains("X-Correlation-Id"));
    }

    @Test
    void a_browser_app_from_another_origin_is_refused() {
        web.options().uri("/api/wishes")
                .headers(h -> {
                    h.setOrigin("https://elsewhere.example");
                    h.setAccessControlRequestMethod(HttpMethod.POST);
                })
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void responses_carry_security_headers_whether_the_call_succeeds_or_not() {
        for (String token : new String[] {token("RESIDENT"), null}) {
            web.get().uri("/api/grid/nodes").headers(h -> {
                        if (token != null) {
                            h.setBearerAuth(token);
                        }
                    })
                    .exchange()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void a_request_without_an_id_gets_one_that_the_service_sees_too() {
        String id = web.get().uri("/api/grid/nodes").headers(h -> h.setBearerAuth(token("RESIDENT"))).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(id).isNotBlank();
        assertThat(backends.grid.received(id)).hasSize(1);
    }

    @Test
    void the_access_log_names_each_call_without_personal_data(CapturedOutput output) {
        String token = token("GRID_STAFF");
        String id = requestId();
        web.get().uri("/api/grid/resolve?address={address}&phone={phone}", "重庆市涪陵区太平街12号", "13800138000")
                .headers(as(token, id))
                .exchange()
                .expectStatus().isOk();
        // written when the exchange completes, which may be just after the client has its answer
        String line = await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().lines()
                .filter(l -> l.contains("gridgov.access") && l.contains(id)).findFirst(), Optional::isPresent).get();
        assertThat(line).contains("GET /api/grid/resolve 200").contains("route=grid")
                .doesNotContain("13800138000").doesNotContain("太平街").doesNotContain("address")
                .doesNotContain(token);
    }
}
