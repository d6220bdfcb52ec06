package org.gridgov.apps.notification.channel;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.gridgov.apps.notification.MessageChannel;
import org.gridgov.apps.notification.domain.Channel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What a provider's channel (Tencent Cloud SMS, WeChat subscription messages) does the same way: it sends a kind of
 * notice only when the kind has a template registered with the provider, and sends through the provider's SDK, which
 * blocks, on the bounded elastic scheduler. The request is built on the caller's thread, sent on that scheduler.
 *
 * @param <T> the provider's template settings
 */
abstract class ProviderChannel<T> implements MessageChannel {

    private final Channel channel;
    private final Map<String, T> templates;
    private final Function<T, String> templateId;

    ProviderChannel(Channel channel, Map<String, T> templates, Function<T, String> templateId) {
        this.channel = channel;
        this.templates = templates;
        this.templateId = templateId;
    }

    @Override
    public final Channel channel() {
        return channel;
    }

    @Override
    public final boolean sends(String kind) {
        T template = templates.get(kind);
        String id = template == null ? null : templateId.apply(template);
        return id != null && !id.isBlank();
    }

    @Override
    public final Mono<Void> send(Message message) {
        T template = Objects.requireNonNull(templates.get(message.kind()), message.kind());
        Runnable request = request(template, message);
        return Mono.fromRunnable(request).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** The provider's request for the message with the kind's template, which sends it when run; a refusal throws. */
    abstract Runnable request(T template, Message message);

    /** Refuses to start without a setting the provider cannot do without ({@code property}: its full name). */
    static void require(String value, String property, String provider) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is required for the " + provider + " provider");
        }
    }
}
