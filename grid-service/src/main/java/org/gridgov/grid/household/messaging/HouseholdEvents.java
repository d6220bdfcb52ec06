package org.gridgov.grid.household.messaging;

import java.time.Instant;

import org.gridgov.contracts.events.HouseholdMoved;
import org.gridgov.contracts.events.HouseholdRegistered;
import org.gridgov.grid.household.domain.Household;

/**
 * The household events on {@code grid.events}: the normalised address other services place wishes by,
 * and never a resident's name or phone.
 */
public final class HouseholdEvents {

    private HouseholdEvents() {
    }

    public static HouseholdRegistered householdRegistered(Household household, Instant at) {
        return new HouseholdRegistered(household.id(), household.kind().name(), household.microGridId(),
                household.hubId(), household.address(), at);
    }

    public static HouseholdMoved householdMoved(Household household, Instant at) {
        return new HouseholdMoved(household.id(), household.kind().name(), household.microGridId(), household.hubId(),
                household.address(), at);
    }
}
