package org.gridgov.wish.wish.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.wish.sla.domain.SlaAlert;
import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.wish.wish.domain.Claimer;
import org.gridgov.wish.wish.domain.HistoryEntry;
import org.gridgov.wish.wish.domain.Placement;
import org.gridgov.wish.wish.domain.Wish;
import org.gridgov.wish.wish.domain.WishStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Announces what happened to wishes on wish.events, through the outbox so that an event commits
 * with its change. Events carry ids and what consumers need, never the resident's personal data.
 */
@Component
public class WishEvents {

    /** The actor id of the SLA timers in the history and on events. */
    public static final String SLA_TIMER = "sla-timer";

    private final Outbox outbox;

    WishEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param before the wish before the command, which still knows who held a released claim */
    public Mono<Void> transitioned(Wish before, Wish.Change change) {
        Wish wish = change.wish();
        HistoryEntry entry = change.entry();
        Map<String, Object> data = base(wish.id(), entry.actorId(), entry.actorRole(), entry.at(), wish.status());
        EventType type = switch (entry.action()) {
            case SUBMITTED -> {
                data.put("category", wish.category().name());
                data.put("title", wish.title());
                data.put("gridId", wish.placement().gridId().toString());
                data.put("microGridId", wish.placement().microGridId().toString());
                data.put("communityId", wish.placement().communityId().toString());
                wish.wantedBy().ifPresent(wanted -> data.put("wantedBy", wanted.toString()));
                yield EventType.WISH_SUBMITTED;
            }
            case DISPATCHED -> {
                data.put("candidateUnits", strings(wish.candidateUnits()));
                yield EventType.WISH_DISPATCHED;
            }
            case REJECTED -> {
                data.put("reason", entry.reason().orElseThrow());
                yield EventType.WISH_REJECTED;
            }
            case CLAIMED -> {
                data.put("claimer", claimer(wish.claimer().orElseThrow()));
                yield EventType.WISH_CLAIMED;
            }
            case RELEASED -> {
                data.put("claimer", claimer(before.claimer().orElseThrow()));
                entry.reason().ifPresent(reason -> data.put("reason", reason));
                yield EventType.WISH_RELEASED;
            }
            case FULFILLED -> {
                data.put("claimer", claimer(wish.claimer().orElseThrow()));
                yield EventType.WISH_FULFILLED;
            }
            case CLOSED -> {
                data.put("claimer", claimer(wish.claimer().orElseThrow()));
                wish.rating().ifPresent(rating -> data.put("rating", rating));
                data.put("servedMemberIds", strings(wish.servedMemberIds()));
                yield EventType.WISH_CLOSED;
            }
            case CANCELLED -> {
                entry.reason().ifPresent(reason -> data.put("reason", reason));
                yield EventType.WISH_CANCELLED;
            }
            case REMINDED, ESCALATED -> throw new IllegalArgumentException("SLA alerts are announced by alerted()");
        };
        return outbox.append(type, wish.id().toString(), data).then();
    }

    /** A reminder or escalation by an SLA timer, with the grid and community so that it reaches the right desk. */
    public Mono<Void> alerted(UUID wishId, WishStatus status, Placement placement, SlaAlert alert, Instant at) {
        Map<String, Object> data = base(wishId, SLA_TIMER, ActorRole.SYSTEM, at, status);
        data.put("slaStep", alert.step().name());
        data.put("level", alert.level().name());
        data.put("dueAt", alert.dueAt().toString());
        data.put("gridId", placement.gridId().toString());
        data.put("communityId", placement.communityId().toString());
        EventType type = alert.kind() == SlaAlert.Kind.REMINDER ? EventType.WISH_REMINDED : EventType.WISH_ESCALATED;
        return outbox.append(type, wishId.toString(), data).then();
    }

    private static Map<String, Object> base(UUID wishId, String actorId, ActorRole role, Instant at, WishStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wishId", wishId.toString());
        data.put("actor", Map.of("id", actorId, "role", role.name()));
        data.put("occurredAt", at.toString());
        data.put("status", status.name());
        return data;
    }

    private static Map<String, String> claimer(Claimer claimer) {
        return Map.of("kind", claimer.kind().name(), "id", claimer.id().toString());
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
