package org.gridgov.apps.notification;

import java.time.Clock;
import java.util.Optional;

import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.apps.notification.persistence.WeChatBindingStore;
import org.gridgov.kit.privacy.Sealer;
import org.gridgov.kit.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who can be reached by WeChat subscription messages: a person's openid for the district's mini-program, bound by
 * themself (their mini-program calls {@code PUT /api/me/wechat-binding} after {@code wx.login}), for whatever they are
 * told as — themself, the party member their token names, the unit they act for (as their notification preferences).
 * Sealed at rest (APPS_DATA_KEY), shown masked, never in events or logs.
 */
@Component
public record WeChatBindings(WeChatBindingStore store, Sealer sealer, TransactionalOperator tx, Clock clock) {

    public Mono<Void> bind(Caller caller, String openId) {
        return tx.transactional(Flux.fromIterable(NotificationPreferences.toldAs(caller))
                .concatMap(recipient -> store.save(recipient, sealer.seal(openId, recipient.key()), clock.instant()))
                .then());
    }

    public Mono<Void> unbind(Caller caller) {
        return tx.transactional(Flux.fromIterable(NotificationPreferences.toldAs(caller)).concatMap(store::delete).then());
    }

    /** The caller's own binding, masked (the first four characters); empty when they bound none. */
    public Mono<Optional<String>> maskedOf(Caller caller) {
        Recipient self = Recipient.person(caller.subject());
        return openIdOf(self).map(openId -> openId.map(MessageChannel.Message::mask));
    }

    /** Whether a recipient of this key could have bound an openid (a department or a grid's staff as such cannot). */
    public boolean reaches(Recipient recipient) {
        return recipient.key().startsWith("person:") || recipient.key().startsWith("member:")
                || recipient.key().startsWith("unit:");
    }

    public Mono<Optional<String>> openIdOf(Recipient recipient) {
        return store.find(recipient).map(sealed -> Optional.of(sealer.open(sealed, recipient.key())))
                .defaultIfEmpty(Optional.empty());
    }
}
