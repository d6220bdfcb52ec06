package org.gridgov.apps.notification.channel;

import java.util.Map;
import java.util.Objects;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import me.chanjar.weixin.common.error.WxErrorException;
import org.gridgov.apps.notification.MessageChannel;
import org.gridgov.apps.notification.domain.Channel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * WeChat subscription messages (订阅消息) from the district's mini-program through WxJava's SDK, which fetches and
 * refreshes the access token and sends {@code subscribeMessage.send}: the kind's template with its fields filled from
 * the notice's values, to the person's openid (bound by their mini-program, {@code /api/me/wechat-binding}). The SDK
 * blocks, so it runs on the bounded elastic scheduler. A refusal is an error naming WeChat's errcode, never the openid.
 */
public class WeChatMiniAppChannel implements MessageChannel {

    /** WeChat refuses a {@code thing} value longer than 20 characters. */
    static final int MAX_VALUE_LENGTH = 20;

    private final WeChatProperties settings;
    private final WxMaService service;

    public WeChatMiniAppChannel(WeChatProperties settings) {
        this.settings = settings;
        require(settings.appId(), "app-id");
        require(settings.secret(), "secret");
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(settings.appId());
        config.setSecret(settings.secret());
        if (settings.apiHost() != null && !settings.apiHost().isBlank()) {
            config.setApiHostUrl(settings.apiHost());
        }
        WxMaServiceImpl client = new WxMaServiceImpl();
        client.setWxMaConfig(config);
        this.service = client;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public boolean sends(String kind) {
        WeChatProperties.Template template = settings.templates().get(kind);
        return template != null && template.id() != null && !template.id().isBlank();
    }

    @Override
    public Mono<Void> send(Message message) {
        WeChatProperties.Template template = Objects.requireNonNull(settings.templates().get(message.kind()), message.kind());
        WxMaSubscribeMessage subscription = new WxMaSubscribeMessage();
        subscription.setToUser(message.to());
        subscription.setTemplateId(template.id());
        subscription.setPage(template.page());
        subscription.setMiniprogramState(settings.state());
        subscription.setLang("zh_CN");
        for (Map.Entry<String, String> field : template.fields().entrySet()) {
            String value = "text".equals(field.getValue()) ? message.text()
                    : message.params().getOrDefault(field.getValue(), "");
            subscription.addData(new WxMaSubscribeMessage.MsgData(field.getKey(), shortened(value)));
        }
        return Mono.fromRunnable(() -> sendBlocking(subscription)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private void sendBlocking(WxMaSubscribeMessage subscription) {
        try {
            service.getMsgService().sendSubscribeMsg(subscription);
        } catch (WxErrorException e) {
            // WeChat's error code and message; the openid is not in them
            throw new IllegalStateException("WeChat refused the subscription message: errcode "
                    + e.getError().getErrorCode() + " " + e.getError().getErrorMsg());
        }
    }

    static String shortened(String value) {
        return value.codePointCount(0, value.length()) <= MAX_VALUE_LENGTH ? value
                : value.substring(0, value.offsetByCodePoints(0, MAX_VALUE_LENGTH - 1)) + "…";
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("gridgov.notifications.wechat." + name + " is required for the miniapp provider");
        }
    }
}
