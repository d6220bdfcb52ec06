package org.gridgov.apps.notification.channel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridgov.notifications.sms.*}: which provider sends text messages — {@code none} (the default: the inbox
 * only), {@code tencent} (Tencent Cloud SMS), or {@code recording} (writes what would be sent to a file: the local
 * platform and the tests) — and the provider's settings.
 */
@ConfigurationProperties("gridgov.notifications.sms")
public record SmsProperties(@DefaultValue("none") String provider,
                            Path recordingFile,
                            @DefaultValue Tencent tencent) {

    /**
     * Tencent Cloud SMS: the API key (from a Secret), the region, the SMS application's id, the approved signature
     * (签名), and for each kind of notice the id of its approved template (模板) and the names of the values it takes,
     * in order. A kind without a template goes to the inbox only.
     */
    public record Tencent(String secretId, String secretKey, @DefaultValue("ap-guangzhou") String region,
                          String sdkAppId, String signName, String endpoint,
                          @DefaultValue Map<String, Template> templates) {
    }

    public record Template(String id, @DefaultValue List<String> params) {
    }
}
