package org.gridgov.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.test.RawHttpConnection;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every kind of bad request gets a 4xx application/problem+json saying what was wrong, never a 500. */
class ProblemResponsesIT extends ServiceIntegrationTest {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    private void staff(HttpHeaders headers) {
        headers.setBearerAuth(token("GRID_STAFF"));
    }

    private WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, HttpStatus status,
                                                        String type) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/" + type)
                .jsonPath("$.title").isNotEmpty();
    }

    private WebTestClient.BodyContentSpec ship(String body) {
        return expectProblem(web.post().uri("/api/parcels/shipments").headers(this::staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
    }

    private static final String SHIPMENT = """
            {"parcelId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","speed":"EXPRESS","due":"2027-01-31",
             "items":[{"label":"a","quantity":1},{"label":"b","quantity":2},%s]}""";

    @Test
    void a_value_the_database_cannot_store_is_a_400_problem_not_a_500() {
        expectProblem(web.post().uri("/api/parcels").headers(this::staff).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"a\\u0000b\"}").exchange(), HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("cannot be stored"));
    }

    @Test
    void a_readable_body_passes() {
        web.post().uri("/api/parcels/shipments").headers(this::staff).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SHIPMENT.formatted("{\"label\":\"c\",\"quantity\":3}")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[2].quantity").isEqualTo(3);
    }

    @Test
    void malformed_json_is_a_400_problem_saying_where_it_broke_off() {
        expectProblem(web.post().uri("/api/parcels").headers(this::staff).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ").exchange(), HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions
                        .assertThat((String) message).startsWith("not valid JSON here (line 1"));
    }

    @Test
    void a_wrongly_typed_field_is_a_400_problem_naming_it_and_the_expected_type() {
        expectProblem(web.post().uri("/api/parcels").headers(this::staff).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": {\"nested\": true}}").exchange(), HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("expected a string");
    }

    @Test
    void a_wrongly_typed_field_in_a_list_is_named_by_its_json_path() {
        ship(SHIPMENT.formatted("{\"label\":\"c\",\"quantity\":\"three\"}"))
                .jsonPath("$.errors[0].field").isEqualTo("items[2].quantity")
                .jsonPath("$.errors[0].message").isEqualTo("expected a whole number");
    }

    @Test
    void a_bad_enum_value_lists_the_allowed_values() {
        ship(SHIPMENT.formatted("{\"label\":\"c\",\"quantity\":3}").replace("EXPRESS", "FAST"))
                .jsonPath("$.errors[0].field").isEqualTo("speed")
                .jsonPath("$.errors[0].message").isEqualTo("expected one of STANDARD, EXPRESS");
    }

    @Test
    void a_badly_formatted_date_or_id_names_the_field_and_the_format_without_echoing_the_value() {
        ship(SHIPMENT.formatted("{\"label\":\"c\",\"quantity\":3}").replace("2027-01-31", "31.01.2027"))
                .jsonPath("$.errors[0].field").isEqualTo("due")
                .jsonPath("$.errors[0].message").isEqualTo("expected a date, ISO 8601 (e.g. 2027-01-31)")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions
                        .assertThat((String) detail).doesNotContain("31.01.2027"));
        ship(SHIPMENT.formatted("{\"label\":\"c\",\"quantity\":3}").replace("3f2504e0-4f89", "parcel-7"))
                .jsonPath("$.errors[0].field").isEqualTo("parcelId")
                .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions
                        .assertThat((String) message).startsWith("expected a UUID"));
    }

    @Test
    void failed_validation_inside_a_list_names_each_offending_field() {
        ship(SHIPMENT.formatted("{\"label\":\" \",\"quantity\":12}"))
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'items[2].quantity')].message").isNotEmpty()
                .jsonPath("$.errors[?(@.field == 'items[2].label')].message").isNotEmpty();
    }

    @Test
    void a_query_parameter_of_the_wrong_type_is_named() {
        expectProblem(web.get().uri("/api/parcels/{id}", "not-a-uuid").headers(this::staff).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("id")
                .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions
                        .assertThat((String) message).startsWith("expected a UUID"));
    }

    @Test
    void a_query_parameter_out_of_its_bounds_is_named_with_what_was_expected() {
        expectProblem(web.get().uri("/api/parcels/first?limit=0").headers(this::staff).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("limit")
                .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions
                        .assertThat((String) message).contains("1"));
        web.get().uri("/api/parcels/first?limit=5").headers(this::staff).exchange().expectStatus().isOk();
    }

    @Test
    void failed_validation_is_a_400_problem_naming_the_field() {
        expectProblem(web.post().uri("/api/parcels").headers(this::staff)
                .bodyValue(Map.of("name", " ")).exchange(), HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isNotEmpty();
    }

    @Test
    void a_path_the_firewall_refuses_is_a_400_problem() {
        for (String path : new String[] {"/api/parcels/a%2Fb", "/api/parcels/a%00b", "/api/parcels/..%2F..%2Fetc"}) {
            expectProblem(web.get().uri(URI.create("http://127.0.0.1:" + port + path)).headers(this::staff).exchange(),
                    HttpStatus.BAD_REQUEST, "invalid-request");
        }
    }

    @Test
    void an_unknown_id_is_a_404_problem() {
        UUID id = UUID.randomUUID();
        expectProblem(web.get().uri("/api/parcels/{id}", id).headers(this::staff).exchange(),
                HttpStatus.NOT_FOUND, "not-found")
                .jsonPath("$.detail").isEqualTo("parcel " + id + " does not exist")
                .jsonPath("$.instance").isEqualTo("/api/parcels/" + id);
    }

    @Test
    void an_id_that_is_not_a_uuid_is_a_400_problem() {
        expectProblem(web.get().uri("/api/parcels/not-a-uuid").headers(this::staff).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    void a_conflict_is_a_409_problem() {
        expectProblem(web.post().uri("/api/parcels/failing").headers(this::staff)
                .bodyValue(Map.of("name", "x")).exchange(), HttpStatus.CONFLICT, "conflict");
    }

    @Test
    void an_unsupported_method_is_a_405_problem() {
        expectProblem(web.delete().uri("/api/parcels").headers(this::staff).exchange(),
                HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    @Test
    void an_unacceptable_response_type_is_a_406_problem() {
        expectProblem(web.get().uri("/api/parcels/{id}", UUID.randomUUID()).headers(this::staff)
                .accept(MediaType.APPLICATION_XML).exchange(), HttpStatus.NOT_ACCEPTABLE, "not-acceptable");
    }

    @Test
    void an_accept_header_that_is_not_a_media_type_still_gets_a_problem_body() {
        expectProblem(web.get().uri("/api/parcels/{id}", UUID.randomUUID()).headers(this::staff)
                .header(HttpHeaders.ACCEPT, "garbage").exchange(), HttpStatus.NOT_ACCEPTABLE, "not-acceptable");
    }

    @Test
    void an_error_asked_for_as_an_event_stream_is_still_problem_json() {
        expectProblem(web.get().uri("/api/parcels/{id}", UUID.randomUUID()).headers(this::staff)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange(), HttpStatus.NOT_ACCEPTABLE, "not-acceptable");
        expectProblem(web.get().uri("/api/nowhere").headers(this::staff)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void a_blank_id_in_the_path_is_a_400_problem() {
        for (String blank : new String[] {"%20", "%20%20%09"}) {
            expectProblem(web.get().uri(URI.create("http://127.0.0.1:" + port + "/api/parcels/" + blank)).headers(this::staff)
                    .exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
        }
    }

    @Test
    void a_control_character_in_a_query_parameter_name_is_a_400_problem() {
        expectProblem(web.get().uri(URI.create("http://127.0.0.1:" + port + "/api/parcels?name=x&a%01b=1"))
                .headers(this::staff).exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    void a_content_type_that_is_not_a_media_type_is_a_4xx_problem() throws IOException {
        // (of two Content-Type headers the first counts: a valid first one is simply used)
        for (String type : new String[] {"garbage", "application/json, text/plain", ";;", "/"}) {
            assertThat(post("Content-Type: " + type)).as(type).matches("(?s)HTTP/1.1 4\\d\\d.*")
                    .containsIgnoringCase("content-type: application/problem+json");
        }
    }

    @Test
    void an_unprintable_idempotency_key_is_a_400_problem() throws IOException {
        assertThat(post("Content-Type: application/json\r\nIdempotency-Key: a\u0001b")).startsWith("HTTP/1.1 400")
                .containsIgnoringCase("content-type: application/problem+json");
    }

    private String post(String headers) throws IOException {
        String body = "{\"name\":\"x\"}";
        return RawHttpConnection.once(port, "POST /api/parcels HTTP/1.1\r\nHost: kit\r\nAuthorization: Bearer "
                + token("GRID_STAFF") + "\r\n" + headers + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).toString();
    }

    /**
     * A malformed request answered with an error must leave its kept-alive connection usable: the next
     * request on it is answered (the whole-request fuzz pass found connections that answered nothing more).
     */
    @Test
    void after_any_malformed_request_the_connection_answers_the_next_one() throws IOException {
        String token = "Authorization: Bearer " + token("GRID_STAFF") + "\r\n";
        String json = "Content-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"name\":\"x\"}";
        String[] odd = {
            "GET /api/parcels/%zz HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n",
            "GET /api/parcels?name=%% HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n",
            "GET /api/a%F0%9F%98b HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n",
            "POST /api/parcels/a%zzb HTTP/1.1\r\nHost: kit\r\n" + token + json,
            "POST /api/parcels?name=%4 HTTP/1.1\r\nHost: kit\r\n" + token + json,
            "GET /api/parcels HTTP/1.1\r\nHost: kit\r\n" + token + "Content-Type: garbage\r\nContent-Length: 3\r\n\r\nx=1",
            "GET /api/parcels HTTP/1.1\r\nHost: kit\r\n" + token + "Accept: garbage\r\n\r\n",
            "POST /api/parcels HTTP/1.1\r\nHost: kit\r\n" + token + "Accept: text/event-stream\r\n" + json,
            "POST /api/parcels HTTP/1.1\r\nHost: kit\r\n" + token + "Content-Type: text/plain\r\n" + json,
            "GET /api/parcels//x HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n",
            "GET /api/parcels/%20 HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n",
            "GET /api/parcels?name=1&name=%0D%0Ax HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n",
            "GET /api/parcels?%01=1 HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n",
            "POST /api/%7F/parcels HTTP/1.1\r\nHost: kit\r\n" + token + json,
            "GET /api/%08/parcels HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n",
            "GET /api/parcels HTTP/1.1\r\nHost: kit\r\n" + token + "X-Padding: " + "p".repeat(6000) + "\r\n\r\n",
        };
        String next = "GET /api/parcels?name=x HTTP/1.1\r\nHost: kit\r\n" + token + "\r\n";
        for (String request : odd) {
            try (RawHttpConnection connection = new RawHttpConnection(port, 5_000)) {
                connection.send(request.getBytes(StandardCharsets.UTF_8));
                RawHttpConnection.Response first = connection.readResponse();
                if (!first.closes()) {
                    connection.send(next.getBytes(StandardCharsets.UTF_8));
                    assertThat(connection.readResponse().status()).as("the request after %s", request.lines().findFirst()
                            .orElseThrow()).isEqualTo(200);
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no answer on the connection of " + request.lines().findFirst().orElseThrow(), e);
            }
        }
    }

    @Test
    void a_request_line_too_long_for_the_server_is_a_414_problem() throws IOException {
        assertThat(RawHttpConnection.get(port, "/api/parcels?name=" + "x".repeat(10_000), null).toString())
                .startsWith("HTTP/1.1 414").containsIgnoringCase("content-type: application/problem+json").contains("\"status\":414");
    }

    @Test
    void a_post_whose_request_line_is_too_long_gets_its_414_while_its_body_is_still_arriving() throws Exception {
        // the server refuses after the request line; closing at once with the body unread reset the connection, and the
        // client's stack dropped the answer ("no bytes", the fuzz pass through the gateway)
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        String body = "{\"name\":\"" + "y".repeat(256 * 1024) + "\"}";
        for (int round = 0; round < 5; round++) {
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/api/parcels?name=" + "x".repeat(10_000)))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("GRID_STAFF"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("round %d", round).isEqualTo(414);
            assertThat(response.body()).contains("\"status\":414");
        }
    }

    @Test
    void a_malformed_percent_escape_is_a_400_problem() throws IOException {
        for (String path : new String[] {"/api/parcels/%zz", "/api/parcels?name=%", "/api/parcels/%E0%A4"}) {
            assertThat(RawHttpConnection.get(port, path, token("GRID_STAFF")).toString()).as(path)
                    .matches("(?s)HTTP/1.1 4\\d\\d.*").containsIgnoringCase("content-type: application/problem+json");
        }
    }

    @Test
    void an_unsupported_body_type_is_a_415_problem() {
        expectProblem(web.post().uri("/api/parcels").headers(this::staff).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=x").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem() {
        String huge = "x".repeat(2 * 1024 * 1024);
        expectProblem(web.post().uri("/api/parcels").headers(this::staff).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + huge + "\"}").exchange(), HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
    }

    @Test
    void a_body_under_the_limit_is_read_and_judged_on_its_content() {
        String large = "x".repeat(600 * 1024);
        expectProblem(web.post().uri("/api/parcels").headers(this::staff).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + large + "\"}").exchange(), HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void an_unsafe_correlation_id_is_replaced_and_a_safe_one_is_kept() {
        web.get().uri("/api/parcels/{id}", UUID.randomUUID()).headers(this::staff)
                .header(CorrelationId.HEADER, "abc-123").exchange()
                .expectHeader().valueEquals(CorrelationId.HEADER, "abc-123");
        web.get().uri("/api/parcels/{id}", UUID.randomUUID()).headers(this::staff)
                .header(CorrelationId.HEADER, "not allowed; " + "x".repeat(100)).exchange()
                .expectHeader().value(CorrelationId.HEADER, id -> org.assertj.core.api.Assertions
                        .assertThat(UUID.fromString(id)).isNotNull());
    }
}
