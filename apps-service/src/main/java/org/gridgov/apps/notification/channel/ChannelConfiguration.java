package org.gridgov.apps.notification.channel;

import java.nio.file.Path;
import java.time.Clock;

import org.gridgov.apps.notification.MessageChannel;
import org.gridgov.apps.notification.domain.Channel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks the channels beyond the inbox: {@code gridgov.notifications.sms.provider} = {@code none} (default: no bean),
 * {@code tencent} or {@code recording}; {@code gridgov.notifications.wechat.provider} = {@code none} (default),
 * {@code miniapp} or {@code recording}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SmsProperties.class, WeChatProperties.class})
class ChannelConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gridgov.notifications.sms.provider", havingValue = "tencent")
    MessageChannel tencentSms(SmsProperties properties) {
        return new TencentSmsChannel(properties.tencent());
    }

    @Bean
    @ConditionalOnProperty(name = "gridgov.notifications.sms.provider", havingValue = "recording")
    MessageChannel recordingSms(SmsProperties properties, Clock clock, JsonMapper json) {
        Path file = properties.recordingFile() != null ? properties.recordingFile() : Path.of(".local/notifications/sms.jsonl");
        return new RecordingChannel(Channel.SMS, file, clock, json);
    }

    @Bean
    @ConditionalOnProperty(name = "gridgov.notifications.wechat.provider", havingValue = "miniapp")
    MessageChannel weChatMiniApp(WeChatProperties properties) {
        return new WeChatMiniAppChannel(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "gridgov.notifications.wechat.provider", havingValue = "recording")
    MessageChannel recordingWeChat(WeChatProperties properties, Clock clock, JsonMapper json) {
        Path file = properties.recordingFile() != null ? properties.recordingFile()
                : Path.of(".local/notifications/wechat.jsonl");
        return new RecordingChannel(Channel.WECHAT, file, clock, json);
    }
}
