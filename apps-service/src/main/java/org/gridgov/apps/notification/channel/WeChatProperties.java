package org.gridgov.apps.notification.channel;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridgov.notifications.wechat.*}: whether WeChat subscription messages (订阅消息) are sent — {@code none} (the
 * default), {@code miniapp} (the district's mini-program through WxJava's SDK) or {@code recording} (writes what would
 * be sent to a file: the local platform and the tests) — and the mini-program's settings.
 *
 * @param appId     the mini-program's AppID
 * @param secret    its AppSecret (from a Secret)
 * @param apiHost   another API host than api.weixin.qq.com (a proxy; a test's)
 * @param state     {@code formal}, {@code trial} or {@code developer}: which version of the mini-program a tap opens
 * @param templates per kind of notice: the subscription template's id, the page it opens and which of the notice's
 *                  values fills each of the template's fields ({@code thing1: title}); a kind without one: not sent
 */
@ConfigurationProperties("gridgov.notifications.wechat")
public record WeChatProperties(@DefaultValue("none") String provider,
                               Path recordingFile,
                               String appId,
                               String secret,
                               String apiHost,
                               @DefaultValue("formal") String state,
                               @DefaultValue Map<String, Template> templates) {

    /** {@code fields}: the template's field name → the notice's value ({@code title}, {@code reason}…) or {@code text}. */
    public record Template(String id, String page, @DefaultValue Map<String, String> fields) {
    }
}
