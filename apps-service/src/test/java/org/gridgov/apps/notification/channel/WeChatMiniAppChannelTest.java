package org.gridgov.apps.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.gridgov.apps.notification.MessageChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat mini-program adapter against a real HTTP server standing in for api.weixin.qq.com: WxJava's SDK fetches
 * the access token once with the AppID and AppSecret, then sends the kind's subscription template to the openid with
 * its fields filled (a {@code thing} cut to WeChat's 20 characters); WeChat's refusals are errors naming its errcode,
 * never the openid.
 */
class WeChatMiniAppChannelTest {

    private static final String OPEN_ID = "oGZUI0egBJY1zhBYw2KhdUfwVJJE";
    private final JsonMapper json = JsonMapper.builder().build();
    private final ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicReference<String> answer = new AtomicReference<>("{\"errcode\":0,\"errmsg\":\"ok\"}");
    private HttpServer server;
    private WeChatMiniAppChannel channel;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/cgi-bin/token") || path.startsWith("/cgi-bin/stable_token")) {
                    tokenRequests.incrementAndGet();
                    assertThat(exchange.getRequestURI().getRawQuery()).contains("appid=wx0123456789abcdef", "secret=app-secret");
                    answer(exchange, "{\"access_token\":\"ACCESS-1\",\"expires_in\":7200}");
                } else if (path.equals("/cgi-bin/message/subscribe/send")) {
                    assertThat(exchange.getRequestURI().getRawQuery()).isEqualTo("access_token=ACCESS-1");
                    sent.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    answer(exchange, answer.get());
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        server.start();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", "title");
        fields.put("thing2", "text");
        channel = new WeChatMiniAppChannel(new WeChatProperties("miniapp", null, "wx0123456789abcdef", "app-secret",
                "http://127.0.0.1:" + server.getAddress().getPort(), "trial",
                Map.of("operation-called-out", new WeChatProperties.Template("tmpl-called-out", "pages/operations/index", fields))));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Test
    void sends_the_kinds_subscription_template_to_the_openid_with_its_fields_filled() {
        assertThat(channel.sends("operation-called-out")).isTrue();
        assertThat(channel.sends("wish-submitted-resident")).isFalse();

        MessageChannel.Message message = new MessageChannel.Message(OPEN_ID, "operation-called-out",
                Map.of("title", "汛期防汛应急"), "【紧急召集】「汛期防汛应急」已启动，请立即响应，按通知要求到岗报到。", "op-1");
        channel.send(message).block();
        channel.send(message).block();

        assertThat(tokenRequests.get()).as("the SDK keeps its access token").isEqualTo(1);
        assertThat(sent).hasSize(2);
        JsonNode body = json.readTree(sent.peek());
        assertThat(body.get("touser").asString()).isEqualTo(OPEN_ID);
        assertThat(body.get("template_id").asString()).isEqualTo("tmpl-called-out");
        assertThat(body.get("page").asString()).isEqualTo("pages/operations/index");
        assertThat(body.get("miniprogram_state").asString()).isEqualTo("trial");
        assertThat(body.get("lang").asString()).isEqualTo("zh_CN");
        assertThat(body.get("data").get("thing1").get("value").asString()).isEqualTo("汛期防汛应急");
        assertThat(body.get("data").get("thing2").get("value").asString())
                .hasSize(WeChatMiniAppChannel.MAX_VALUE_LENGTH).startsWith("【紧急召集】「汛期防汛应急」").endsWith("…");
    }

    @Test
    void a_refusal_is_an_error_naming_wechats_errcode_and_never_the_openid() {
        answer.set("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}");
        MessageChannel.Message message = new MessageChannel.Message(OPEN_ID, "operation-called-out", Map.of("title", "演练"),
                "…", "op-1");
        assertThatThrownBy(() -> channel.send(message).block())
                .hasMessageContaining("43101").hasMessageNotContaining(OPEN_ID);
        assertThat(message.toString()).doesNotContain(OPEN_ID).contains("oGZU****");
    }

    @Test
    void it_does_not_start_without_the_mini_programs_credentials() {
        assertThatThrownBy(() -> new WeChatMiniAppChannel(new WeChatProperties("miniapp", null, "wx0123456789abcdef", " ",
                null, "formal", Map.of()))).hasMessageContaining("gridgov.notifications.wechat.secret");
    }
}
