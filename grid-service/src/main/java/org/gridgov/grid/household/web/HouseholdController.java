package org.gridgov.grid.household.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.household.Households;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.Page;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Households are personal data: grid staff and admins see them, inside their jurisdiction only. */
@RestController
record HouseholdController(Households households) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HouseholdView(UUID id, String kind, String address, UUID microGridId, UUID hubHouseholdId) {

        static HouseholdView of(Household household) {
            return new HouseholdView(household.id(), household.kind().name(), household.address(),
                    household.microGridId(), household.hubId());
        }
    }

    /** {@code next} is a household id, never an address: cursors end up in access logs. */
    @GetMapping(path = "/api/grid/nodes/{id}/households", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listHouseholds",
            summary = "The households of a node in address order (those it links, for a hub household)")
    Mono<Page<HouseholdView>> list(@PathVariable UUID id, @RequestParam Optional<UUID> cursor,
                             @RequestParam Optional<Integer> limit, @AuthenticationPrincipal Caller caller) {
        int size = Page.limit(limit);
        return households.inside(caller, id, cursor, size + 1).collectList()
                .map(found -> Page.of(found, size, household -> household.id().toString(), HouseholdView::of));
    }
}
