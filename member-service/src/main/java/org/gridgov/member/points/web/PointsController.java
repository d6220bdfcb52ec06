package org.gridgov.member.points.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.member.points.PointsAccounts;
import org.gridgov.member.points.PointsShop;
import org.gridgov.member.points.domain.CauseKind;
import org.gridgov.member.points.domain.Donor;
import org.gridgov.member.points.persistence.LedgerStore;
import org.gridgov.member.points.persistence.ShopStore;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Points accounts (积分), the points store (积分超市) and redemptions. */
@RestController
@RequestMapping(path = "/api/points", produces = "application/json")
record PointsController(PointsAccounts accounts, PointsShop store, Idempotency idempotency) {

    record EntryView(long entryId, UUID transactionId, long points, long balanceAfter, CauseKind cause, UUID causeId,
                     String reason, String actor, Instant occurredAt) {

        static EntryView of(LedgerStore.Entry entry) {
            return new EntryView(entry.entryId(), entry.transactionId(), entry.points(), entry.balanceAfter(), entry.cause(),
                    entry.causeId(), entry.reason(), entry.actor(), entry.occurredAt());
        }
    }

    /** The balance, points earned ever, and the entries newest first (paged). */
    record AccountView(UUID memberId, long balance, long earned, Page<EntryView> entries) {
    }

    record NewRedemption(@NotNull UUID memberId, @NotNull UUID itemId, @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    record NewStoreItem(@NotNull UUID communityId, @NotBlank @Size(max = 100) String name,
                        @NotNull @Min(1) @Max(1_000_000) Integer price, @NotNull @Min(0) @Max(1_000_000) Integer stock,
                        @Schema(description = "Who gave it (捐赠), if anyone; shown with the item") @Valid ItemDonor donor) {
    }

    @Schema(description = "GOVERNMENT (the civil-affairs office above), UNIT (a member unit: its unitId), COMPANY or PERSON")
    record ItemDonor(@NotNull Donor.Kind kind, @NotBlank @Size(max = 100) String name, UUID unitId) {

        Donor toDonor() {
            if (kind == Donor.Kind.UNIT && unitId == null) {
                throw ProblemException.invalidField("donor.unitId", "a member unit donates by its id");
            }
            if (kind != Donor.Kind.UNIT && unitId != null) {
                throw ProblemException.invalidField("donor.unitId", "only a member unit has one");
            }
            return new Donor(kind, name.strip(), Optional.ofNullable(unitId));
        }
    }

    /** {@code points}: positive adds, negative takes away. */
    record NewCorrection(@NotNull UUID memberId, @NotNull @Min(-1_000_000) @Max(1_000_000) Long points,
                         @NotBlank @Size(max = 500) String reason) {
    }

    record NewExpiry(@NotNull UUID communityId, @NotNull LocalDate earnedBefore) {
    }

    @GetMapping("/accounts/{memberId}")
    @Operation(operationId = "getPointsAccount",
            summary = "A party member's points balance and transactions, newest first")
    Mono<AccountView> account(@PathVariable UUID memberId, @RequestParam Optional<String> cursor,
                              @RequestParam Optional<Integer> limit, @AuthenticationPrincipal Caller caller) {
        int size = Page.limit(limit.orElse(null));
        Optional<Long> before = Cursor.singleKey(cursor.orElse(null)).map(Cursor::longKey);
        return accounts.statement(memberId, before, size + 1, caller)
                .map(statement -> new AccountView(memberId, statement.summary().balance(), statement.summary().earned(),
                        Page.of(statement.entries().stream().map(EntryView::of).toList(), size,
                                entry -> Cursor.encode(entry.entryId()))));
    }

    @PostMapping(path = "/redemptions", consumes = "application/json")
    @Operation(operationId = "redeemPoints", summary = "A party member redeems points for a store item")
    @ProblemResponses(409)
    Mono<ResponseEntity<PointsShop.Receipt>> redeem(@Valid @RequestBody NewRedemption body,
                                                     @AuthenticationPrincipal Caller caller,
                                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.created(key, caller, "POST /api/points/redemptions " + body, PointsShop.Receipt.class,
                () -> store.redeem(body.memberId(), body.itemId(), body.quantity(), caller),
                receipt -> "/api/points/redemptions/" + receipt.id());
    }

    @GetMapping("/store-items")
    @Operation(operationId = "listStoreItems", summary = "The points store of a community, a page at a time")
    Mono<Page<ShopStore.StoreItem>> catalogue(@RequestParam UUID community, @RequestParam Optional<String> cursor,
                                                    @RequestParam Optional<Integer> limit) {
        int size = Page.limit(limit.orElse(null));
        Optional<Cursor.NameAndId> after = Cursor.nameAndId(cursor.orElse(null));
        return store.catalogue(community, after.map(Cursor.NameAndId::name), after.map(Cursor.NameAndId::id), size + 1)
                .map(rows -> Page.of(rows, size, item -> Cursor.encode(item.name(), item.id())));
    }

    @GetMapping("/store-items/{id}")
    @Operation(operationId = "getStoreItem", summary = "A store item")
    Mono<ShopStore.StoreItem> storeItem(@PathVariable UUID id) {
        return store.item(id);
    }

    @PostMapping(path = "/store-items", consumes = "application/json")
    @Operation(operationId = "addStoreItem", summary = "A community admin adds an item to the points store")
    Mono<ResponseEntity<ShopStore.StoreItem>> addStoreItem(@Valid @RequestBody NewStoreItem body,
                                                                 @AuthenticationPrincipal Caller caller,
                                                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Optional<Donor> donor = Optional.ofNullable(body.donor()).map(ItemDonor::toDonor);
        return idempotency.created(key, caller, "POST /api/points/store-items " + body, ShopStore.StoreItem.class,
                () -> store.addItem(body.communityId(), body.name(), body.price(), body.stock(), donor, caller),
                item -> "/api/points/store-items/" + item.id());
    }

    @PostMapping(path = "/corrections", consumes = "application/json")
    @Operation(operationId = "correctPoints", summary = "An admin corrects a party member's points, saying why")
    Mono<ResponseEntity<PointsAccounts.Corrected>> correct(@Valid @RequestBody NewCorrection body,
                                                           @AuthenticationPrincipal Caller caller,
                                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.once(key, caller, "POST /api/points/corrections " + body, PointsAccounts.Corrected.class,
                () -> accounts.correct(body.memberId(), body.points(), body.reason(), caller)
                        .map(corrected -> ResponseEntity.status(HttpStatus.CREATED).body(corrected)));
    }

    @PostMapping(path = "/expiries", consumes = "application/json")
    @Operation(operationId = "expirePoints", summary = "An admin expires points awarded before a date")
    Mono<ResponseEntity<PointsAccounts.ExpiryRun>> expire(@Valid @RequestBody NewExpiry body,
                                                          @AuthenticationPrincipal Caller caller,
                                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.ok(key, caller, "POST /api/points/expiries " + body, PointsAccounts.ExpiryRun.class,
                () -> accounts.expire(body.communityId(), body.earnedBefore(), caller));
    }
}
