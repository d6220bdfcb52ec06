package org.gridgov.apps.notification;

import java.util.List;
import java.util.Map;

import org.gridgov.apps.notification.domain.Channel;
import reactor.core.publisher.Mono;

/**
 * The port to a channel beyond the inbox (a text-message provider, WeChat subscription messages): sends one message to
 * one address — a phone, an openid. Adapters in {@code notification/channel}: Tencent Cloud SMS and WeChat
 * mini-program subscription messages through their SDKs, and a recording adapter for the local platform and the tests.
 * A channel is off unless a deployment configures one.
 */
public interface MessageChannel {

    Channel channel();

    /** Whether this channel has a template for the kind of notice (a provider's templates are registered with it). */
    boolean sends(String kind);

    /** Sends one message; an error when the provider refused it or did not answer. */
    Mono<Void> send(Message message);

    /**
     * One message: to whom (a phone or an openid — personal data: never logged, {@code toString} masks it), the kind,
     * the template's values, the filled zh-CN text, and what it is about (the event's subject: a wish's id).
     */
    record Message(String to, String kind, Map<String, String> params, String text, String subject) {

        public String masked() {
            return mask(to);
        }

        @Override
        public String toString() {
            return "Message[to=" + masked() + ", kind=" + kind + "]";
        }

        /**
         * A phone keeps its first three and last two digits, enough to recognise a number without revealing it; any
         * other address (an openid) its first four characters.
         */
        public static String mask(String to) {
            if (!to.matches("\\+?[0-9 -]+")) {
                return to.substring(0, Math.min(4, to.length())) + "****";
            }
            String digits = to.replaceAll("[^0-9]", "");
            if (digits.length() <= 5) {
                return "*".repeat(digits.length());
            }
            return digits.substring(0, 3) + "*".repeat(digits.length() - 5) + digits.substring(digits.length() - 2);
        }
    }

    /** The values a provider's template takes, in its order. */
    static String[] ordered(List<String> names, Map<String, String> params) {
        return names.stream().map(name -> params.getOrDefault(name, "")).toArray(String[]::new);
    }
}
