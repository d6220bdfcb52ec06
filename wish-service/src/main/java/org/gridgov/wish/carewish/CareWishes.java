package org.gridgov.wish.carewish;

import java.util.Optional;
import java.util.Set;

import org.gridgov.contracts.events.CareWishRaised;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.events.PoisonEventException;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.wish.readmodel.HouseholdDirectory;
import org.gridgov.wish.wish.WishWorkflow;
import org.gridgov.wish.wish.domain.Actor;
import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.wish.wish.domain.PersonalData;
import org.gridgov.wish.wish.domain.Wish;
import org.gridgov.wish.wish.domain.WishRefused;
import org.gridgov.wish.wish.persistence.WishStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 四个一 · 每年一个心愿: a care recipient's yearly wish, recorded by the carer in fieldwork-service
 * ({@code org.gridgov.care-recipient.wish-raised.v1}), is ordered as a micro-wish on the household's behalf — placed
 * where the household lives, under the id fieldwork-service chose, submitted by fieldwork-service as a client passing it
 * on — so the grid dispatches it and a unit or party member claims and serves it like any wish. Its source
 * (CARE_YEARLY_WISH) is kept in {@code care_wish}. The event names nobody: the wish carries no name, phone or address
 * (the grid's staff and the carer know the household). A wish ordered already is left alone, so a redelivered event
 * orders nothing twice (besides the kit's inbox).
 */
@Component
record CareWishes(WishStore wishes, HouseholdDirectory households, WishWorkflow workflow,
                  DatabaseClient db) implements EventSubscriber {

    /** Who submits these wishes: fieldwork-service, passing on the carer's record. */
    static final String SUBMITTER = "fieldwork-service";
    static final String SOURCE = "CARE_YEARLY_WISH";

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("care-wishes")
                .on(CareWishRaised.class, this::raised);
    }

    private Mono<Void> raised(CareWishRaised raised) {
        Wish.Order order = new Wish.Order(raised.category(), raised.title(), Optional.of(
                "四个一 · 每年一个心愿：关爱对象的年度心愿，由结对人在走访中记录后代为点单（来源 " + SOURCE
                        + "）。上门服务前请先联系本网格的网格员。"),
                Optional.empty(), new PersonalData(Optional.empty(), PersonalData.NO_PHONE, ""));
        Actor fieldwork = new Actor(SUBMITTER, Set.of(ActorRole.CLIENT), Optional.empty(), Optional.empty(), false,
                false, false);
        return wishes.find(raised.wishId()).hasElement().flatMap(known -> known ? Mono.<Void>empty()
                : households.locateHousehold(raised.householdId())
                        .switchIfEmpty(Mono.defer(() -> households.locateMicroGrid(raised.microGridId())))
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("household " + raised.householdId()
                                + " and micro-grid " + raised.microGridId() + " not known yet")))
                        .flatMap(location -> workflow.submitPassedOn(raised.wishId(), fieldwork, order,
                                location.placement(), location.areaPath(), raised.occurredAt()))
                        .onErrorMap(WishRefused.class, refused -> new PoisonEventException(refused.getMessage()))
                        .then(db.sql("""
                                        insert into care_wish (wish_id, recipient_id, contact_id, household_id, carer, ordered_at)
                                        values (:wish, :recipient, :contact, :household, :carer, :at)""")
                                .bind("wish", raised.wishId()).bind("recipient", raised.recipientId())
                                .bind("contact", raised.contactId()).bind("household", raised.householdId())
                                .bind("carer", raised.carer()).bind("at", Sql.utc(raised.occurredAt()))
                                .fetch().rowsUpdated().then()));
    }
}
