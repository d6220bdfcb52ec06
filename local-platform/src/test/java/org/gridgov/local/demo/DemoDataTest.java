package org.gridgov.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

    @TempDir
    Path local;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    /** Idempotency-Key and Authorization headers of each request the fake gateway received. */
    private final List<List<String>> received = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private DemoContext context;
    /** How many requests the fake gateway refuses with 429 before it lets the next one through. */
    private final AtomicInteger rateLimited = new AtomicInteger();

    @BeforeEach
    void startFakeGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            received.add(List.of(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            if (rateLimited.getAndDecrement() > 0) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                exchange.sendResponseHeaders(429, -1);
            } else {
                exchange.sendResponseHeaders(201, -1);
            }
            exchange.close();
        });
        gateway.start();
        context = new DemoContext(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()),
                request -> "token-of-" + request.subject(), local, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopFakeGateway() {
        gateway.stop(0);
    }

    @Test
    void the_same_step_and_item_send_the_same_idempotency_key_on_every_run() throws Exception {
        DemoContext step = context.forStep(new NamedStep("grid-import"));

        step.post(Persona.DISTRICT_ADMIN, "/api/grid/imports", "{}", "太平街社区");
        step.post(Persona.DISTRICT_ADMIN, "/api/grid/imports", "{}", "太平街社区");
        step.put(Persona.UNIT, "/api/units/u/resource-lists/2026", "{}", "unit-1");

        assertThat(received).hasSize(3);
        assertThat(received.get(0)).isEqualTo(received.get(1))
                .containsExactly(step.idempotencyKey("太平街社区"), "Bearer token-of-demo-district-admin");
        assertThat(received.get(2).get(0)).isNotEqualTo(received.get(0).get(0));
        assertThat(context.forStep(new NamedStep("other")).idempotencyKey("太平街社区"))
                .isNotEqualTo(step.idempotencyKey("太平街社区"));
    }

    @Test
    void a_rate_limited_request_is_sent_again_once_retry_after_has_passed_with_the_same_idempotency_key() throws Exception {
        DemoContext step = context.forStep(new NamedStep("members"));
        rateLimited.set(2);
        long start = System.nanoTime();

        int status = step.post(Persona.COMMUNITY_ADMIN, "/api/members", "{}", "member:1").statusCode();

        assertThat(status).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited Retry-After twice")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(received).hasSize(3).allSatisfy(headers -> assertThat(headers.get(0))
                .isEqualTo(step.idempotencyKey("member:1")));
    }

    @Test
    void the_demo_prints_a_token_per_persona_and_writes_them_to_tokens_env() throws IOException {
        DemoData.load(context);

        String env = Files.readString(local.resolve("tokens.env"));
        for (Persona persona : Persona.values()) {
            assertThat(env).contains(persona.name() + "_TOKEN=token-of-" + persona.tokenRequest().subject());
            assertThat(console.toString(StandardCharsets.UTF_8)).contains(persona.name() + "_TOKEN=");
        }
    }

    @Test
    void staff_and_admin_personas_carry_a_jurisdiction_and_the_unit_its_unit() {
        assertThat(Persona.GRID_STAFF.tokenRequest().jurisdiction()).isEqualTo(Persona.Ids.GRID_1);
        assertThat(Persona.COMMUNITY_ADMIN.tokenRequest().jurisdiction()).isEqualTo(Persona.Ids.COMMUNITY);
        assertThat(Persona.DISTRICT_ADMIN.tokenRequest().jurisdiction()).isEqualTo(Persona.Ids.DISTRICT);
        assertThat(Persona.UNIT.tokenRequest().unit()).isEqualTo(Persona.Ids.UNIT_1);
        assertThat(Persona.CLIENT_APP.tokenRequest().roles()).containsExactly("CLIENT");
    }

    private record NamedStep(String name) implements DemoStep {
        @Override
        public void run(DemoContext context) {
        }
    }
}
