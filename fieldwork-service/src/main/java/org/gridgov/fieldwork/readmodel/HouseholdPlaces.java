package org.gridgov.fieldwork.readmodel;

import java.util.UUID;

import org.gridgov.contracts.events.HouseholdMoved;
import org.gridgov.contracts.events.HouseholdRegistered;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps which micro-grid each household lies in, from {@code grid.events}: where visits go and what coverage counts. */
@Component
record HouseholdPlaces(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("household-places")
                .on(HouseholdRegistered.class, registered -> place(registered.householdId(), registered.microGridId()))
                .on(HouseholdMoved.class, moved -> place(moved.householdId(), moved.microGridId()));
    }

    private Mono<Void> place(UUID household, UUID microGrid) {
        return db.sql("""
                        insert into household_place (household_id, micro_grid_id) values (:household, :microGrid)
                        on conflict (household_id) do update set micro_grid_id = excluded.micro_grid_id""")
                .bind("household", household).bind("microGrid", microGrid)
                .fetch().rowsUpdated().then();
    }
}
