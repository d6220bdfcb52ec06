package org.gridgov.member.points;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.member.points.domain.Cause;
import org.gridgov.member.points.domain.Donor;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.persistence.ShopStore;
import org.gridgov.member.unit.persistence.UnitStore;
import org.gridgov.member.access.Access;
import org.gridgov.member.access.GridPlaces;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The points store (积分超市) of each community: its catalogue, and redemptions that take stock
 * and points together or not at all.
 */
@Service
public record PointsShop(ShopStore store, PointsLedger ledger, AccountHolders holders, GridPlaces places,
                         Access access, UnitStore units, Clock clock) {

    /** {@code donor}: who gave it, if anyone; a member unit must be one (422 naming {@code donor.unitId}). */
    public Mono<ShopStore.StoreItem> addItem(UUID communityId, String name, int price, int stock, Optional<Donor> donor,
                                             Caller caller) {
        ShopStore.StoreItem item = new ShopStore.StoreItem(UUID.randomUUID(), communityId, name.strip(), price, stock,
                donor.orElse(null));
        Mono<Boolean> donorKnown = donor.flatMap(Donor::unitId).map(units::exists).orElse(Mono.just(true));
        return places.community(communityId)
                .then(donorKnown).flatMap(known -> known ? Mono.empty()
                        : Mono.error(ProblemException.unknownReferences(List.of(new FieldError("donor.unitId",
                                "no such member unit")))))
                .then(access.requireAdminOver(caller, communityId))
                .then(store.insert(item, now(), caller.subject()))
                .thenReturn(item);
    }

    public Mono<ShopStore.StoreItem> item(UUID id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("store item", id)));
    }

    public Mono<List<ShopStore.StoreItem>> catalogue(UUID communityId, Optional<String> afterName,
                                                           Optional<UUID> afterId, int limit) {
        return store.list(communityId, afterName, afterId, limit).collectList();
    }

    /** What a redemption did: the points it took and what is left of balance and stock. */
    public record Receipt(UUID id, UUID memberId, UUID itemId, int quantity, long points, long balanceAfter,
                          int stockAfter, Instant redeemedAt) {
    }

    /**
     * The member themself, or an admin over the store's community at the counter, exchanges points
     * for goods of the member's own community's store. The stock is taken first and the points
     * second, each by a conditional update; either one short rolls back both (409).
     */
    public Mono<Receipt> redeem(UUID memberId, UUID itemId, int quantity, Caller caller) {
        Instant now = now();
        UUID redemptionId = UUID.randomUUID();
        return item(itemId).flatMap(item -> holders.visible(memberId, caller)
                .filterWhen(member -> AccountHolders.isHolder(caller, memberId) ? Mono.just(true)
                        : access.isAdminOver(caller, item.communityId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.forbidden(
                        "Only the member or an admin over this store's community may redeem.")))
                .flatMap(member -> {
                    if (!member.communityId().equals(item.communityId())) {
                        return Mono.error(Refusal.conflict("OTHER_COMMUNITY",
                                "This item is in another community's points store."));
                    }
                    long points = Math.multiplyExact((long) item.price(), quantity);
                    return store.take(itemId, quantity)
                            .switchIfEmpty(Mono.error(() -> Refusal.conflict("OUT_OF_STOCK",
                                    "Not enough of \"" + item.name() + "\" is left in stock.")))
                            .flatMap(taken -> ledger.postRedemption(LedgerTransaction.debit(UUID.randomUUID(), memberId,
                                                    points, Cause.redemption(redemptionId), now), itemId, quantity)
                                    .flatMap(balance -> store.insert(new ShopStore.Redemption(redemptionId, memberId,
                                                    itemId, quantity, points, now), caller.subject())
                                            .thenReturn(new Receipt(redemptionId, memberId, itemId, quantity, points, balance,
                                                    taken.stock(), now))));
                }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
