package org.gridgov.member.points.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.Sql;
import org.gridgov.member.points.domain.Donor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The points store's catalogue and its redemptions. */
@Component
public record ShopStore(DatabaseClient db) {

    private static final String ITEM_COLUMNS = "id, community_id, name, price, stock, donor_kind, donor_name, donor_unit_id";

    /** {@code donor}: null when the community stocked it itself. */
    public record StoreItem(UUID id, UUID communityId, String name, int price, int stock, Donor donor) {
    }

    public Mono<Void> insert(StoreItem item, Instant at, String createdBy) {
        return db.sql("""
                        insert into store_item (id, community_id, name, price, stock, created_at, created_by,
                                                donor_kind, donor_name, donor_unit_id)
                        values (:id, :communityId, :name, :price, :stock, :at, :by, :donorKind, :donorName, :donorUnit)""")
                .bind("id", item.id()).bind("communityId", item.communityId()).bind("name", item.name())
                .bind("price", item.price()).bind("stock", item.stock()).bind("at", Sql.utc(at)).bind("by", createdBy)
                .bind("donorKind", Sql.nullable(item.donor() == null ? null : item.donor().kind().name(), String.class))
                .bind("donorName", Sql.nullable(item.donor() == null ? null : item.donor().name(), String.class))
                .bind("donorUnit", Sql.optional(item.donor() == null ? Optional.empty() : item.donor().unitId(), UUID.class))
                .fetch().rowsUpdated().then();
    }

    public Mono<StoreItem> find(UUID id) {
        return db.sql("select " + ITEM_COLUMNS + " from store_item where id = :id").bind("id", id)
                .map(ShopStore::item).one();
    }

    /**
     * Takes {@code quantity} from the stock if that much is left, and emits the item as it is now.
     * Concurrent takers queue on the row and each sees the stock the one before left.
     */
    public Mono<StoreItem> take(UUID id, int quantity) {
        return db.sql("""
                        update store_item set stock = stock - :quantity
                        where id = :id and stock >= :quantity
                        returning""" + " " + ITEM_COLUMNS)
                .bind("id", id).bind("quantity", quantity)
                .map(ShopStore::item).one();
    }

    /** A community's catalogue in (name, id) order after the cursor. */
    public Flux<StoreItem> list(UUID communityId, Optional<String> afterName, Optional<UUID> afterId, int limit) {
        return db.sql("select " + ITEM_COLUMNS + """
                         from store_item
                        where community_id = :communityId
                          and (cast(:afterName as text) is null or (name, id) > (:afterName, :afterId))
                        order by name, id
                        limit :limit""")
                .bind("communityId", communityId)
                .bind("afterName", Sql.optional(afterName, String.class))
                .bind("afterId", Sql.optional(afterId, UUID.class))
                .bind("limit", limit)
                .map(ShopStore::item).all();
    }

    public record Redemption(UUID id, UUID memberId, UUID itemId, int quantity, long points, Instant redeemedAt) {
    }

    public Mono<Void> insert(Redemption redemption, String redeemedBy) {
        return db.sql("""
                        insert into redemption (id, member_id, item_id, quantity, points, redeemed_at, redeemed_by)
                        values (:id, :memberId, :itemId, :quantity, :points, :at, :by)""")
                .bind("id", redemption.id()).bind("memberId", redemption.memberId()).bind("itemId", redemption.itemId())
                .bind("quantity", redemption.quantity()).bind("points", redemption.points())
                .bind("at", Sql.utc(redemption.redeemedAt())).bind("by", redeemedBy)
                .fetch().rowsUpdated().then();
    }

    private static StoreItem item(Readable row) {
        String donorKind = row.get("donor_kind", String.class);
        Donor donor = donorKind == null ? null : new Donor(Donor.Kind.valueOf(donorKind), row.get("donor_name", String.class),
                Optional.ofNullable(row.get("donor_unit_id", UUID.class)));
        return new StoreItem(row.get("id", UUID.class), row.get("community_id", UUID.class), row.get("name", String.class),
                row.get("price", Integer.class), row.get("stock", Integer.class), donor);
    }
}
