package org.gridgov.apps.notification;

import java.util.Optional;

import org.gridgov.apps.notification.domain.Recipient;
import reactor.core.publisher.Mono;

/**
 * The port to the services that own people's phone numbers, asked at send time only: apps-service never stores
 * a number. A wish's resident: wish-service (adapter {@code contact/OwnerContactBook}).
 */
public interface ContactBook {

    /** Whether a phone can be asked for this recipient of an event of this type at all (else: the inbox only). */
    boolean knows(Recipient recipient, String eventType);

    /** The recipient's phone, as the owner holds it now; empty when it holds none. */
    Mono<Optional<String>> phoneOf(Recipient recipient, String eventType, String subject);
}
