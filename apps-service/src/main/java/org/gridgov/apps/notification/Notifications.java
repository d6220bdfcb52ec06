package org.gridgov.apps.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.apps.notification.persistence.NotificationStore;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The caller's in-app inbox: what they were told as a person and in their roles (their unit, department, grid). */
@Component
public record Notifications(NotificationStore store, Clock clock) {

    private static final int LIMIT = 100;

    /** One notice as its reader sees it. */
    public record Entry(UUID id, String kind, String eventType, String subject, String text, Instant createdAt,
                        Optional<Instant> readAt) {
    }

    public Mono<List<Entry>> inbox(Caller caller, boolean unreadOnly) {
        return store.inbox(recipients(caller), unreadOnly, LIMIT)
                .map(n -> new Entry(n.id(), n.kind(), n.eventType(), n.subject(), n.text(), n.createdAt(), n.readAt()))
                .collectList();
    }

    /** Marks the caller's notice read (again: no change); 404 for a notice that is not theirs. */
    public Mono<Void> read(Caller caller, UUID id) {
        return store.read(id, recipients(caller), clock.instant())
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(ProblemException.notFound("notification", id)));
    }

    /** Whom the caller reads for: themselves, and the unit, party member, department or grid-tree node their token names. */
    private static List<Recipient> recipients(Caller caller) {
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(Recipient.person(caller.subject()));
        caller.unitId().filter(unit -> caller.has(Role.UNIT)).map(Recipient::unit).ifPresent(recipients::add);
        caller.memberId().filter(member -> caller.has(Role.PARTY_MEMBER)).map(Recipient::member).ifPresent(recipients::add);
        caller.departmentId().filter(department -> caller.has(Role.DEPARTMENT)).map(Recipient::department).ifPresent(recipients::add);
        if (caller.has(Role.GRID_STAFF) || caller.isAdmin()) {
            caller.jurisdictionId().map(Recipient::staffOf).ifPresent(recipients::add);
        }
        return recipients;
    }
}
