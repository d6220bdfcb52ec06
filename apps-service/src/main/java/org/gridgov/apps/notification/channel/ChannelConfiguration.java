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
 * Picks the text-message channel: {@code gridgov.notifications.sms.provider} = {@code none} (default: no bean, the
 * inbox only), {@code tencent} or {@code recording}. WeChat subscription messages have no adapter yet (README).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
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
}
