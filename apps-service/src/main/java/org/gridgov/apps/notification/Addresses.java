package org.gridgov.apps.notification;

import java.util.Optional;

import org.gridgov.apps.notification.domain.Channel;
import org.gridgov.apps.notification.domain.Recipient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where a recipient is reached on a channel: a text message at the phone its owner holds (asked at send time through
 * the {@link ContactBook}), a WeChat subscription message at the openid the person bound ({@link WeChatBindings}).
 */
@Component
record Addresses(ContactBook contacts, WeChatBindings weChat) {

    /** Whether the recipient could be reached on the channel at all (else nothing is scheduled there). */
    boolean reaches(Channel channel, Recipient recipient, String eventType) {
        return switch (channel) {
            case SMS -> contacts.knows(recipient, eventType);
            case WECHAT -> weChat.reaches(recipient);
            case INBOX -> true;
        };
    }

    /** The address now; empty when there is none (no phone, no binding). */
    Mono<Optional<String>> of(Channel channel, Recipient recipient, String eventType, String subject) {
        return switch (channel) {
            case SMS -> contacts.phoneOf(recipient, eventType, subject);
            case WECHAT -> weChat.openIdOf(recipient);
            case INBOX -> Mono.just(Optional.empty());
        };
    }
}
