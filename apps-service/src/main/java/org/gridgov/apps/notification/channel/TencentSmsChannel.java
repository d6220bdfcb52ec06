package org.gridgov.apps.notification.channel;

import java.util.Arrays;
import java.util.Objects;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import com.tencentcloudapi.sms.v20210111.models.SendSmsResponse;
import com.tencentcloudapi.sms.v20210111.models.SendStatus;
import org.gridgov.apps.notification.MessageChannel;
import org.gridgov.apps.notification.domain.Channel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Text messages through Tencent Cloud SMS with its official SDK (it signs the requests, TC3-HMAC-SHA256): one
 * {@code SendSms} per message, the kind's approved template with its values in order. The SDK blocks, so it runs on
 * the bounded elastic scheduler. A refusal (any status but {@code Ok}) is an error naming Tencent's code, never the phone.
 */
public class TencentSmsChannel implements MessageChannel {

    private final SmsProperties.Tencent settings;
    private final SmsClient client;

    public TencentSmsChannel(SmsProperties.Tencent settings) {
        this.settings = settings;
        require(settings.secretId(), "secret-id");
        require(settings.secretKey(), "secret-key");
        require(settings.sdkAppId(), "sdk-app-id");
        require(settings.signName(), "sign-name");
        HttpProfile http = new HttpProfile();
        http.setConnTimeout(5);
        http.setReadTimeout(10);
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            // another endpoint than sms.tencentcloudapi.com (a proxy; a test's); http:// only for those
            boolean plain = settings.endpoint().startsWith("http://");
            http.setProtocol(plain ? HttpProfile.REQ_HTTP : HttpProfile.REQ_HTTPS);
            http.setEndpoint(settings.endpoint().replaceFirst("^https?://", ""));
        }
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        this.client = new SmsClient(new Credential(settings.secretId(), settings.secretKey()), settings.region(), profile);
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean sends(String kind) {
        SmsProperties.Template template = settings.templates().get(kind);
        return template != null && template.id() != null && !template.id().isBlank();
    }

    @Override
    public Mono<Void> send(Message message) {
        SmsProperties.Template template = Objects.requireNonNull(settings.templates().get(message.kind()), message.kind());
        SendSmsRequest request = new SendSmsRequest();
        request.setSmsSdkAppId(settings.sdkAppId());
        request.setSignName(settings.signName());
        request.setTemplateId(template.id());
        request.setTemplateParamSet(MessageChannel.ordered(template.params(), message.params()));
        request.setPhoneNumberSet(new String[] {e164(message.to())});
        return Mono.fromCallable(() -> sendBlocking(request)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private SendSmsResponse sendBlocking(SendSmsRequest request) {
        SendSmsResponse response;
        try {
            response = client.SendSms(request);
        } catch (TencentCloudSDKException e) {
            // its message is Tencent's error text and request id; the phone is not in it
            throw new IllegalStateException("Tencent SMS: " + e.getErrorCode() + " (request " + e.getRequestId() + ")");
        }
        SendStatus[] statuses = response.getSendStatusSet() == null ? new SendStatus[0] : response.getSendStatusSet();
        if (statuses.length == 0 || Arrays.stream(statuses).anyMatch(status -> !"Ok".equalsIgnoreCase(status.getCode()))) {
            String code = statuses.length == 0 ? "no status" : statuses[0].getCode();
            throw new IllegalStateException("Tencent SMS refused the message: " + code + " (request " + response.getRequestId() + ")");
        }
        return response;
    }

    /** Mainland numbers as Tencent wants them: +86 in front of eleven digits. */
    static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+")) {
            return digits;
        }
        return digits.startsWith("86") && digits.length() == 13 ? "+" + digits : "+86" + digits;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("gridgov.notifications.sms.tencent." + name + " is required for the tencent provider");
        }
    }
}
