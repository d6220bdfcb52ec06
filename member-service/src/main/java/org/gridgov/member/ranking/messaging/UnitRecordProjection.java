package org.gridgov.member.ranking.messaging;

import java.util.Optional;
import java.util.UUID;

import org.gridgov.member.messaging.WishEvent;
import org.gridgov.member.messaging.WishEventHandler;
import org.gridgov.member.ranking.persistence.UnitRecordStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each unit's record from the wish workflow: dispatches to it, its claims, releases,
 * fulfilments (on time or late), closings with the resident's rating, and deadlines it let pass.
 * Events of one wish arrive in order (the wish id is the key), which the record relies on.
 */
@Component
class UnitRecordProjection extends WishEventHandler {

    private final UnitRecordStore record;

    UnitRecordProjection(UnitRecordStore record, JsonMapper json) {
        super(json);
        this.record = record;
    }

    @Override
    public String name() {
        return "unit-record";
    }

    @Override
    protected Mono<Void> apply(WishEvent event) {
        UUID wish = event.wishId();
        Optional<UUID> unit = event.claimer().filter(WishEvent.Claimer::isUnit).map(WishEvent.Claimer::id);
        return switch (event.type()) {
            case WISH_SUBMITTED -> record.rememberWish(wish, event.uuidField("communityId").orElseThrow(),
                    event.instantField("wantedBy"));
            case WISH_DISPATCHED -> record.dispatched(wish, event.uuids("candidateUnits"), event.occurredAt());
            case WISH_CLAIMED -> record.claimed(wish, unit, event.occurredAt());
            case WISH_RELEASED -> record.released(wish, unit, event.occurredAt());
            case WISH_FULFILLED -> unit.map(id -> record.fulfilled(wish, id, event.occurredAt())).orElse(Mono.empty());
            case WISH_CLOSED -> unit.map(id -> record.closed(wish, id, event.intField("rating"), event.occurredAt()))
                    .orElse(Mono.empty());
            case WISH_ESCALATED -> switch (event.text("slaStep").orElse("")) {
                case "CLAIM" -> record.claimDeadlinePassed(wish);
                case "FULFIL" -> record.fulfilmentDeadlinePassed(wish);
                default -> Mono.empty();
            };
            default -> Mono.empty();
        };
    }
}
