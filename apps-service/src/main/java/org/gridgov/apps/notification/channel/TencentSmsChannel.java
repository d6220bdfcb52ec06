package org.gridgov.apps.notification.channel;

import java.util.Arrays;

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

/**
 * Text messages through Tencent Cloud SMS with its official SDK (it signs the requests, TC3-HMAC-SHA256): one
 * {@code SendSms} per message, the kind's approved template with its values in order. The SDK blocks, so it runs on
 * the bounded elastic scheduler. A refusal (any status but {@code Ok}) is an error naming Tencent's code, never the phone.
 */
public class TencentSmsChannel extends ProviderChannel<SmsProperties.Template> {

    private static final String SETTINGS = "gridgov.notifications.sms.tencent.";

    private final SmsProperties.Tencent settings;
    private final SmsClient client;

    public TencentSmsChannel(SmsProperties.Tencent settings) {
        super(Channel.SMS, settings.templates(), SmsProperties.Template::id);
        this.settings = settings;
        require(settings.secretId(), SETTINGS + "secret-id", "tencent");
        require(settings.secretKey(), SETTINGS + "secret-key", "tencent");
        require(settings.sdkAppId(), SETTINGS + "sdk-app-id", "tencent");
        require(settings.signName(), SETTINGS + "sign-name", "tencent");
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
    Runnable request(SmsProperties.Template template, Message message) {
        SendSmsRequest request = new SendSmsRequest();
        request.setSmsSdkAppId(settings.sdkAppId());
        request.setSignName(settings.signName());
        request.setTemplateId(template.id());
        request.setTemplateParamSet(MessageChannel.ordered(template.params(), message.params()));
        request.setPhoneNumberSet(new String[] {e164(message.to())});
        return () -> sendBlocking(request);
    }

    private void sendBlocking(SendSmsRequest request) {
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
    }

    /** Mainland numbers as Tencent wants them: +86 in front of eleven digits. */
    static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+")) {
            return digits;
        }
        return digits.startsWith("86") && digits.length() == 13 ? "+" + digits : "+86" + digits;
    }
}
