package org.gridgov.wish.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.HouseholdMoved;
import org.gridgov.contracts.events.HouseholdRegistered;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.jurisdiction.GridNode;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.privacy.PersonalDataCipher;
import org.gridgov.wish.household.domain.Addresses;
import org.gridgov.wish.wish.domain.Placement;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where an address lies: a read model of the grid-service's households (grid.events) joined with
 * the kit's grid tree. Kept locally rather than asking grid-service on every order, so residents
 * can still order wishes when grid-service is slow or down and a campaign burst does not fan out
 * into it; the price is that a household registered seconds ago may not resolve yet. Addresses are
 * personal data, so only a keyed hash of each normalised address is stored.
 */
@Component
public record HouseholdDirectory(DatabaseClient db, PersonalDataCipher cipher,
                                 GridTree tree) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("households")
                .on(HouseholdRegistered.class, registered -> place(registered.householdId(), registered.microGridId(),
                        registered.address(), registered.occurredAt()))
                .on(HouseholdMoved.class, moved -> place(moved.householdId(), moved.microGridId(), moved.address(),
                        moved.occurredAt()));
    }

    /** A resolved address: the micro-grid, grid and community, and the grid-tree path down to the micro-grid. */
    public record Location(Placement placement, List<UUID> areaPath) {
    }

    /** Empty when no household is registered at the address or the grid tree does not place its micro-grid yet. */
    public Mono<Location> locate(String address) {
        String[] keys = Addresses.lookupForms(address).stream().map(this::lookupKey).toArray(String[]::new);
        if (keys.length == 0) {
            return Mono.empty();
        }
        return db.sql("""
                        select micro_grid_id from household where address_key = any(:keys)
                        order by array_position(:keys, address_key), updated_at desc limit 1""")
                .bind("keys", keys)
                .map(row -> row.get("micro_grid_id", UUID.class))
                .one()
                .flatMap(this::locateMicroGrid);
    }

    /** Where a registered household lies (an Open311 {@code address_id}); empty when it is not known. */
    public Mono<Location> locateHousehold(UUID householdId) {
        return db.sql("select micro_grid_id from household where household_id = :id")
                .bind("id", householdId)
                .map(row -> row.get("micro_grid_id", UUID.class))
                .one()
                .flatMap(this::locateMicroGrid);
    }

    /** Places a micro-grid in the tree; empty unless it is a micro-grid with a grid and a community above it. */
    public Mono<Location> locateMicroGrid(UUID microGridId) {
        return tree.withAncestors(microGridId).flatMap(chain -> {
            GridNode microGrid = chain.get(0);
            Optional<GridNode> grid = nearest(chain, "GRID");
            Optional<GridNode> community = nearest(chain, "COMMUNITY");
            if (!"MICRO_GRID".equals(microGrid.kind()) || microGrid.retired() || grid.isEmpty() || community.isEmpty()) {
                return Mono.empty();
            }
            return Mono.just(new Location(new Placement(microGridId, grid.get().id(), community.get().id()),
                    areaPath(microGrid)));
        });
    }

    private static Optional<GridNode> nearest(List<GridNode> chain, String kind) {
        return chain.stream().filter(node -> kind.equals(node.kind())).findFirst();
    }

    private String lookupKey(String address) {
        return HexFormat.of().formatHex(cipher.lookupKey(address));
    }

    private static List<UUID> areaPath(GridNode microGrid) {
        List<UUID> path = new ArrayList<>(microGrid.path());
        path.add(microGrid.id());
        return List.copyOf(path);
    }

    // the newest fact about a household wins, whatever order redeliveries come in
    private Mono<Void> place(UUID householdId, UUID microGridId, String address, Instant occurredAt) {
        return db.sql("""
                        insert into household (household_id, micro_grid_id, address_key, updated_at)
                        values (:id, :microGrid, :key, :at)
                        on conflict (household_id) do update set micro_grid_id = excluded.micro_grid_id,
                            address_key = excluded.address_key, updated_at = excluded.updated_at
                        where household.updated_at <= excluded.updated_at""")
                .bind("id", householdId)
                .bind("microGrid", microGridId)
                .bind("key", lookupKey(Addresses.key(address)))
                .bind("at", Sql.utc(occurredAt))
                .fetch().rowsUpdated().then();
    }
}
