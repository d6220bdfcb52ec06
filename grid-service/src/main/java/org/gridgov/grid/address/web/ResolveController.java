package org.gridgov.grid.address.web;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import org.gridgov.contracts.address.AddressNormaliser;
import org.gridgov.grid.address.AddressResolver.Placement;
import org.gridgov.grid.address.AddressResolver;
import org.gridgov.grid.tree.GridAccess;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.domain.TreeNode;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
record ResolveController(AddressResolver resolver, GridAccess access) {

    @GetMapping(path = "/api/grid/resolve", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "resolveAddress",
            summary = "The micro-grid, grid and community of an address (404 when unknown)",
            description = "Tolerates full-width digits, 栋/幢/座/号楼, 单元, 室/房, 1-2-301, spaces and a missing city or district.")
    Mono<ResolutionView> resolve(@RequestParam(required = false) String address, @AuthenticationPrincipal Caller caller) {
        if (address == null || address.isBlank() || address.length() > AddressNormaliser.MAX_LENGTH) {
            return Mono.error(ProblemException.invalid("address is required, at most " + AddressNormaliser.MAX_LENGTH
                    + " characters."));
        }
        return access.requireResolver(caller).then(resolver.resolve(address)).map(ResolutionView::of);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResolutionView(String address, String match, Place microGrid, Place grid, Place community, Place street,
                          Place district) {

        static ResolutionView of(Placement placement) {
            return new ResolutionView(placement.address(), placement.match().name(),
                    Place.of(placement, NodeKind.MICRO_GRID), Place.of(placement, NodeKind.GRID),
                    Place.of(placement, NodeKind.COMMUNITY), Place.of(placement, NodeKind.STREET),
                    Place.of(placement, NodeKind.DISTRICT));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Place(UUID id, String code, String name, String gridKind) {

        static Place of(Placement placement, NodeKind kind) {
            TreeNode node = placement.nodes().get(kind);
            return node == null ? null : new Place(node.id(), node.code(), node.name(),
                    node.gridKind() == null ? null : node.gridKind().name());
        }
    }
}
