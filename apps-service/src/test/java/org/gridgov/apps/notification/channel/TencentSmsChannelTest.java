package org.gridgov.apps.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.gridgov.apps.notification.MessageChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Tencent Cloud SMS adapter against a real HTTP server standing in for sms.tencentcloudapi.com: the SDK's signed
 * SendSms request carries the kind's template, its values in order and the number in E.164; Tencent's refusals are
 * errors that name its code and not the phone.
 */
class TencentSmsChannelTest {

    private static final String PHONE = "13800001234";
    private final JsonMapper json = JsonMapper.builder().build();
    private final ConcurrentLinkedQueue<Map<String, Object>> requests = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private HttpServer server;
    private TencentSmsChannel channel;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(Map.of("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                        "action", String.valueOf(exchange.getRequestHeaders().getFirst("X-TC-Action")),
                        "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        channel = new TencentSmsChannel(new SmsProperties.Tencent("AKIDtest", "secret-key", "ap-guangzhou", "1400000001",
                "太平街社区", "http://127.0.0.1:" + server.getAddress().getPort(),
                Map.of("wish-submitted-resident", new SmsProperties.Template("2000001", List.of("title")))));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sends_the_kinds_template_with_its_values_signed_by_the_sdk() {
        answer.set("""
                {"Response":{"SendStatusSet":[{"SerialNo":"s-1","PhoneNumber":"+8613800001234","Fee":1,"SessionContext":"",
                "Code":"Ok","Message":"send success","IsoCode":"CN"}],"RequestId":"req-1"}}""");
        assertThat(channel.sends("wish-submitted-resident")).isTrue();
        assertThat(channel.sends("wish-claimed-resident")).isFalse();

        channel.send(new MessageChannel.Message(PHONE, "wish-submitted-resident", Map.of("title", "帮独居老人买菜"),
                "您的微心愿「帮独居老人买菜」已提交", "wish-1")).block();

        Map<String, Object> request = requests.poll();
        assertThat((String) request.get("authorization")).startsWith("TC3-HMAC-SHA256 Credential=AKIDtest/");
        assertThat(request.get("action")).isEqualTo("SendSms");
        JsonNode body = json.readTree((String) request.get("body"));
        assertThat(body.get("PhoneNumberSet").get(0).asString()).isEqualTo("+86" + PHONE);
        assertThat(body.get("TemplateId").asString()).isEqualTo("2000001");
        assertThat(body.get("TemplateParamSet").get(0).asString()).isEqualTo("帮独居老人买菜");
        assertThat(body.get("SignName").asString()).isEqualTo("太平街社区");
        assertThat(body.get("SmsSdkAppId").asString()).isEqualTo("1400000001");
    }

    @Test
    void a_refusal_or_an_api_error_is_an_error_naming_tencents_code_and_never_the_phone() {
        answer.set("""
                {"Response":{"SendStatusSet":[{"SerialNo":"","PhoneNumber":"+8613800001234","Fee":0,"SessionContext":"",
                "Code":"LimitExceeded.PhoneNumberDailyLimit","Message":"daily limit","IsoCode":"CN"}],"RequestId":"req-2"}}""");
        MessageChannel.Message message = new MessageChannel.Message(PHONE, "wish-submitted-resident", Map.of(), "…", "wish-1");
        assertThatThrownBy(() -> channel.send(message).block())
                .hasMessageContaining("LimitExceeded.PhoneNumberDailyLimit").hasMessageNotContaining("0000123");

        answer.set("""
                {"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided credentials could not be validated."},
                "RequestId":"req-3"}}""");
        assertThatThrownBy(() -> channel.send(message).block())
                .hasMessageContaining("AuthFailure.SignatureFailure").hasMessageNotContaining("0000123");
        assertThat(message.toString()).doesNotContain(PHONE).contains("138******34");
    }

    @Test
    void numbers_are_sent_in_e164() {
        assertThat(TencentSmsChannel.e164("138 0000 1234")).isEqualTo("+8613800001234");
        assertThat(TencentSmsChannel.e164("+85291234567")).isEqualTo("+85291234567");
        assertThat(TencentSmsChannel.e164("8613800001234")).isEqualTo("+8613800001234");
    }
}
