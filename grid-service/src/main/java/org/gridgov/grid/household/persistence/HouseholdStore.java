package org.gridgov.grid.household.persistence;

import static org.gridgov.kit.data.Sql.column;
import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.household.domain.HouseholdKind;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.domain.TreeNode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Households and shops in {@code household}, keyed by their normalised address. */
@Component
public record HouseholdStore(DatabaseClient db) {

    private static final String COLUMNS = "h.id, h.kind, h.address_key, h.micro_grid_id, h.hub_household_id, h.community_id";

    /** The community's households, and any household elsewhere at one of {@code addresses}. */
    public Flux<Household> ofCommunityOrAt(UUID communityId, Collection<String> addresses) {
        return db.sql("""
                        select %1$s from household h where h.community_id = :community
                        union
                        select %1$s from household h where h.address_key = any(:addresses)""".formatted(COLUMNS))
                .bind("community", communityId == null ? new UUID(0, 0) : communityId)
                .bind("addresses", addresses.toArray(String[]::new))
                .map(HouseholdStore::household).all();
    }

    /**
     * One page of the households inside a grid-tree node (those a hub household links, for a hub),
     * in address order, after the household {@code after}.
     */
    public Flux<Household> inside(TreeNode node, Optional<UUID> after, int limit) {
        String where = node.kind() == NodeKind.HUB_HOUSEHOLD
                ? "h.hub_household_id = :node"
                : "h.micro_grid_id in (select m.id from grid_node m where m.kind = 'MICRO_GRID' and m.lineage @> array[cast(:node as uuid)])";
        DatabaseClient.GenericExecuteSpec query = db.sql("select " + COLUMNS + " from household h where " + where
                        + after.map(id -> " and h.address_key > (select address_key from household where id = :after)").orElse("")
                        + " order by h.address_key limit :limit")
                .bind("node", node.id())
                .bind("limit", limit);
        return (after.isPresent() ? query.bind("after", after.get()) : query).map(HouseholdStore::household).all();
    }

    public Mono<Long> insertAll(List<Household> households, Instant now) {
        if (households.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        insert into household (id, community_id, micro_grid_id, hub_household_id, kind, address_key,
                                               created_at, updated_at)
                        select h.id, h.community_id, h.micro_grid_id, h.hub_id, h.kind, h.address_key, :now, :now
                          from unnest(cast(:ids as uuid[]), cast(:communities as uuid[]), cast(:microGrids as uuid[]),
                                      cast(:hubs as uuid[]), cast(:kinds as text[]), cast(:addresses as text[]))
                               as h(id, community_id, micro_grid_id, hub_id, kind, address_key)""")
                .bind("ids", column(households, Household::id, UUID[]::new))
                .bind("communities", column(households, Household::communityId, UUID[]::new))
                .bind("microGrids", column(households, Household::microGridId, UUID[]::new))
                .bind("hubs", column(households, Household::hubId, UUID[]::new))
                .bind("kinds", column(households, household -> household.kind().name(), String[]::new))
                .bind("addresses", column(households, Household::address, String[]::new))
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    /** Writes the new micro-grid, hub household and kind of households that stay at their address. */
    public Mono<Long> placeAll(List<Household> households, Instant now) {
        if (households.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        update household h
                           set micro_grid_id = n.micro_grid_id, hub_household_id = n.hub_id, kind = n.kind,
                               version = h.version + 1, updated_at = :now
                          from unnest(cast(:ids as uuid[]), cast(:microGrids as uuid[]), cast(:hubs as uuid[]),
                                      cast(:kinds as text[])) as n(id, micro_grid_id, hub_id, kind)
                         where h.id = n.id""")
                .bind("ids", column(households, Household::id, UUID[]::new))
                .bind("microGrids", column(households, Household::microGridId, UUID[]::new))
                .bind("hubs", column(households, Household::hubId, UUID[]::new))
                .bind("kinds", column(households, household -> household.kind().name(), String[]::new))
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    static Household household(Readable row) {
        return new Household(row.get("id", UUID.class), HouseholdKind.valueOf(row.get("kind", String.class)),
                row.get("address_key", String.class), row.get("micro_grid_id", UUID.class),
                row.get("hub_household_id", UUID.class), row.get("community_id", UUID.class));
    }
}
