package org.gridgov.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** A service's own token against a loopback token endpoint: asked for once, kept until a minute before it expires. */
class ClientCredentialsTokenTest {

    private HttpServer endpoint;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/oauth2/token", exchange -> {
            requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"expires_in\":300}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    @Test
    void the_token_is_asked_for_with_the_clients_credentials_and_scope_and_kept_until_a_minute_before_it_expires() {
        ClientCredentialsToken token = token("member-accounts", "s3cret");

        assertThat(token.get().block()).isEqualTo("token-1");
        clock.move(Duration.ofMinutes(3));
        assertThat(token.get().block()).as("4 of its 5 minutes left: kept").isEqualTo("token-1");
        clock.move(Duration.ofSeconds(61));
        assertThat(token.get().block()).as("under a minute left: a new one").isEqualTo("token-2");

        assertThat(requests).hasSize(2).first().asString()
                .startsWith("Basic bWVtYmVyLWFjY291bnRzOnMzY3JldA==")
                .contains("grant_type=client_credentials").contains("scope=users%3Alink");
    }

    @Test
    void without_a_secret_it_is_not_configured() {
        assertThat(token("member-accounts", "").configured()).isFalse();
        assertThat(token("member-accounts", null).configured()).isFalse();
        assertThat(token("member-accounts", "s3cret").configured()).isTrue();
    }

    private ClientCredentialsToken token(String clientId, String secret) {
        return new ClientCredentialsToken(WebClient.builder(), "http://127.0.0.1:" + endpoint.getAddress().getPort()
                + "/oauth2/token", clientId, secret, "users:link", clock);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T08:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
