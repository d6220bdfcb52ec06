package org.gridgov.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    /** Whatever answers on the service's port: ready, and claiming to be the process with this id. */
    private final AtomicLong answeringPid = new AtomicLong();
    private HttpServer server;
    private ServiceProcess service;

    @BeforeEach
    void answerOnAPort() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/actuator/info", exchange -> answer(exchange,
                "{\"process\":{\"pid\":" + answeringPid.get() + ",\"parentPid\":1,\"owner\":\"gridgov\"}}"));
        server.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void a_service_is_ready_when_its_own_process_answers_ready_on_its_port(@TempDir Path dir) {
        service = startSleeping(dir);
        answeringPid.set(service.pid());

        assertThat(service.isReady(HttpClient.newHttpClient())).isTrue();
    }

    @Test
    void another_process_answering_on_the_port_does_not_make_the_service_ready(@TempDir Path dir) {
        service = startSleeping(dir);
        // another platform's service took the port between the launcher's check and the bind
        answeringPid.set(ProcessHandle.current().pid());

        assertThat(service.isReady(HttpClient.newHttpClient())).isFalse();
    }

    @Test
    void the_process_id_is_read_from_the_info_endpoint() {
        assertThat(ServiceProcess.pidIn("{\"process\":{\"pid\":4242,\"parentPid\":1}}")).contains(4242L);
        assertThat(ServiceProcess.pidIn("{\"process\": {\"pid\" : 17}}")).contains(17L);
        assertThat(ServiceProcess.pidIn("{}")).isEmpty();
    }

    private ServiceProcess startSleeping(Path dir) {
        return ServiceProcess.start(ServiceSpec.GRID, List.of("/bin/sleep", "60"), Map.of(),
                "http://127.0.0.1:" + server.getAddress().getPort(), dir, dir.resolve("grid-service.log"));
    }
}
