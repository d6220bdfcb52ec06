package org.gridgov.apps.notification.channel;

import java.util.Map;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import me.chanjar.weixin.common.error.WxErrorException;
import org.gridgov.apps.notification.domain.Channel;

/**
 * WeChat subscription messages (订阅消息) from the district's mini-program through WxJava's SDK, which fetches and
 * refreshes the access token and sends {@code subscribeMessage.send}: the kind's template with its fields filled from
 * the notice's values, to the person's openid (bound by their mini-program, {@code /api/me/wechat-binding}). The SDK
 * blocks, so it runs on the bounded elastic scheduler. A refusal is an error naming WeChat's errcode, never the openid.
 */
public class WeChatMiniAppChannel extends ProviderChannel<WeChatProperties.Template> {

    /** WeChat refuses a {@code thing} value longer than 20 characters. */
    static final int MAX_VALUE_LENGTH = 20;
    private static final String SETTINGS = "gridgov.notifications.wechat.";

    private final WeChatProperties settings;
    private final WxMaService service;

    public WeChatMiniAppChannel(WeChatProperties settings) {
        super(Channel.WECHAT, settings.templates(), WeChatProperties.Template::id);
        this.settings = settings;
        require(settings.appId(), SETTINGS + "app-id", "miniapp");
        require(settings.secret(), SETTINGS + "secret", "miniapp");
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
    Runnable request(WeChatProperties.Template template, Message message) {
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
        return () -> sendBlocking(subscription);
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
}
