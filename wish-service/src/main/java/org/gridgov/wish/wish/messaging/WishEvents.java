package org.gridgov.wish.wish.messaging;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.contracts.events.Actor;
import org.gridgov.contracts.events.Claimer;
import org.gridgov.contracts.events.Event;
import org.gridgov.contracts.events.WishCancelled;
import org.gridgov.contracts.events.WishClaimed;
import org.gridgov.contracts.events.WishClosed;
import org.gridgov.contracts.events.WishDispatched;
import org.gridgov.contracts.events.WishEscalated;
import org.gridgov.contracts.events.WishFulfilled;
import org.gridgov.contracts.events.WishInformationGiven;
import org.gridgov.contracts.events.WishInformationRequested;
import org.gridgov.contracts.events.WishRejected;
import org.gridgov.contracts.events.WishReleased;
import org.gridgov.contracts.events.WishReminded;
import org.gridgov.contracts.events.WishReopened;
import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.contracts.events.WishUrged;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.wish.sla.domain.SlaAlert;
import org.gridgov.wish.wish.domain.ActorRole;
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
        UUID id = wish.id();
        Actor actor = new Actor(entry.actorId(), entry.actorRole().name());
        Instant at = entry.at();
        String status = wish.status().name();
        Event event = switch (entry.action()) {
            case SUBMITTED -> new WishSubmitted(id, actor, at, status, wish.category(), wish.title(),
                    wish.placement().gridId(), wish.placement().microGridId(), wish.placement().communityId(),
                    wish.wantedBy().orElse(null));
            case DISPATCHED -> new WishDispatched(id, actor, at, status, wish.candidateUnits());
            case REJECTED -> new WishRejected(id, actor, at, status, entry.reason().orElseThrow());
            case CLAIMED -> new WishClaimed(id, actor, at, status, claimer(wish));
            case RELEASED -> new WishReleased(id, actor, at, status, claimer(before), entry.reason().orElse(null));
            case FULFILLED -> new WishFulfilled(id, actor, at, status, claimer(wish));
            case CLOSED -> new WishClosed(id, actor, at, status, claimer(wish), wish.rating().orElse(null),
                    wish.servedMemberIds());
            case CANCELLED -> new WishCancelled(id, actor, at, status, entry.reason().orElse(null));
            // the resident's words (a reason, an answer) stay in wish-service: they may name people
            case REOPENED -> new WishReopened(id, actor, at, status, before.claimer().map(WishEvents::claimer).orElse(null),
                    wish.placement().gridId(), wish.placement().communityId(), wish.followup().reopened());
            case URGED -> new WishUrged(id, actor, at, status, wish.claimer().map(WishEvents::claimer).orElse(null),
                    wish.placement().gridId(), wish.placement().communityId(), wish.followup().urged());
            case INFORMATION_REQUESTED -> new WishInformationRequested(id, actor, at, status, wish.placement().gridId(),
                    wish.placement().communityId(), entry.reason().orElseThrow().length());
            case INFORMATION_GIVEN -> throw new IllegalArgumentException("answers are announced by answered()");
            case REMINDED, ESCALATED -> throw new IllegalArgumentException("SLA alerts are announced by alerted()");
        };
        return outbox.append(event).then();
    }

    /** The resident answered the grid's question: its length, never its words. */
    public Mono<Void> answered(Wish.Change change, String answer) {
        Wish wish = change.wish();
        HistoryEntry entry = change.entry();
        return outbox.append(new WishInformationGiven(wish.id(), new Actor(entry.actorId(), entry.actorRole().name()),
                entry.at(), wish.status().name(), wish.placement().gridId(), wish.placement().communityId(),
                answer.strip().length())).then();
    }

    /** A reminder or escalation by an SLA timer, with the grid and community so that it reaches the right desk. */
    public Mono<Void> alerted(UUID wishId, WishStatus status, Placement placement, SlaAlert alert, Instant at) {
        Actor timer = new Actor(SLA_TIMER, ActorRole.SYSTEM.name());
        Event event = alert.kind() == SlaAlert.Kind.REMINDER
                ? new WishReminded(wishId, timer, at, status.name(), alert.step().name(), alert.level().name(),
                        alert.dueAt(), placement.gridId(), placement.communityId())
                : new WishEscalated(wishId, timer, at, status.name(), alert.step().name(), alert.level().name(),
                        alert.dueAt(), placement.gridId(), placement.communityId());
        return outbox.append(event).then();
    }

    private static Claimer claimer(Wish wish) {
        return claimer(wish.claimer().orElseThrow());
    }

    private static Claimer claimer(org.gridgov.wish.wish.domain.Claimer claimer) {
        return new Claimer(claimer.kind().name(), claimer.id());
    }
}
