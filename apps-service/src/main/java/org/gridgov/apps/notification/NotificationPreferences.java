package org.gridgov.apps.notification;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridgov.apps.notification.domain.Channel;
import org.gridgov.apps.notification.domain.Preferences;
import org.gridgov.apps.notification.domain.QuietHours;
import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.apps.notification.domain.Templates;
import org.gridgov.apps.notification.persistence.PreferenceStore;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The caller's own choices of channels (overall and per kind of notice) and quiet hours; the inbox is always on. They
 * hold for whatever the caller is told as: themself, the party member their token names (meeting invitations,
 * call-outs) and the member unit they act for (a unit's user chooses for the unit's texts, which go to its contact).
 */
@Component
public class NotificationPreferences {

    private final PreferenceStore store;
    private final TransactionalOperator tx;
    private final Templates templates = new Templates();
    private final Clock clock;
    private final ZoneId zone;

    NotificationPreferences(PreferenceStore store, TransactionalOperator tx, Clock clock,
                            @Value("${gridgov.notifications.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Mono<Preferences> of(Caller caller) {
        return store.find(Recipient.person(caller.subject())).defaultIfEmpty(Preferences.DEFAULT);
    }

    /** Replaces the caller's choices; a kind that does not exist or quiet hours that are not times are 400s naming the field. */
    public Mono<Preferences> replace(Caller caller, Set<Channel> channels, Map<String, Set<Channel>> byKind,
                                     Optional<String> quietFrom, Optional<String> quietTo) {
        byKind.keySet().stream().filter(kind -> !templates.has(kind)).findFirst().ifPresent(kind -> {
            throw ProblemException.invalidField("byKind." + kind, "no such kind of notice");
        });
        Optional<QuietHours> quiet = quietHours(quietFrom, quietTo);
        Preferences chosen = new Preferences(channels, byKind, quiet);
        return tx.transactional(Flux.fromIterable(toldAs(caller)).concatMap(recipient -> store.save(recipient, chosen, clock.instant()))
                .then(Mono.just(chosen)));
    }

    /** Whom the caller is told as: themself, the party member their token names, the member unit they act for. */
    static List<Recipient> toldAs(Caller caller) {
        List<Recipient> as = new ArrayList<>(List.of(Recipient.person(caller.subject())));
        caller.memberId().map(Recipient::member).ifPresent(as::add);
        caller.unitId().filter(unit -> caller.has(Role.UNIT)).map(Recipient::unit).ifPresent(as::add);
        return as;
    }

    private static Optional<QuietHours> quietHours(Optional<String> from, Optional<String> to) {
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        LocalTime start = time("quietHours.from", from);
        LocalTime end = time("quietHours.to", to);
        if (start.equals(end)) {
            throw ProblemException.invalidField("quietHours.to", "must differ from quietHours.from");
        }
        return Optional.of(new QuietHours(start, end));
    }

    private static LocalTime time(String field, Optional<String> text) {
        if (text.isEmpty()) {
            throw ProblemException.invalidField(field, "is required with the other end of the quiet hours");
        }
        try {
            return LocalTime.parse(text.get());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "expected a time of day, HH:mm");
        }
    }
}
