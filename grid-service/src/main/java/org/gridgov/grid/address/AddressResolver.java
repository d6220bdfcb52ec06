package org.gridgov.grid.address;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridgov.contracts.address.AddressNormaliser;
import org.gridgov.contracts.address.NormalisedAddress;
import org.gridgov.grid.address.persistence.AddressStore;
import org.gridgov.grid.tree.domain.Lineages;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.domain.TreeNode;
import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.gridgov.kit.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Places an address in the tree. A registered address gives its micro-grid. An address that is not
 * registered (an unknown room, a whole building or door number) gives the micro-grid around it, or
 * only the grid (or the community) when what surrounds it spans several micro-grids (or grids).
 */
@Service
public record AddressResolver(AddressStore directory, GridNodeStore nodes) {

    /** How sure the placement is: the address itself is registered, or a building or door number it names. */
    public enum Match {
        EXACT, NEARBY
    }

    /** The nodes the address lies in, by kind, down to the deepest one that is certain. */
    public record Placement(String address, Match match, Map<NodeKind, TreeNode> nodes) {
    }

    public Mono<Placement> resolve(String written) {
        NormalisedAddress address = AddressNormaliser.normalise(written).orElse(null);
        if (address == null) {
            return Mono.error(unknown());
        }
        Mono<Placement> nearby = Flux.fromIterable(address.surroundings())
                .concatMap(prefix -> directory.under(prefix).collectList())
                .filter(lineages -> !lineages.isEmpty())
                .next()
                .flatMap(lineages -> place(address, Match.NEARBY, lineages));
        return directory.lineageAt(address.key()).collectList()
                .flatMap(lineage -> lineage.isEmpty() ? nearby : Mono.just(new Placement(address.key(), Match.EXACT,
                        byKind(lineage))))
                .switchIfEmpty(Mono.error(AddressResolver::unknown));
    }

    private Mono<Placement> place(NormalisedAddress address, Match match, List<List<UUID>> lineages) {
        List<UUID> common = Lineages.common(lineages);
        if (common.size() <= NodeKind.COMMUNITY.ordinal()) {
            return Mono.empty();
        }
        return nodes.findAll(common).collectList().map(found -> new Placement(address.key(), match, byKind(found)));
    }

    private static Map<NodeKind, TreeNode> byKind(List<TreeNode> lineage) {
        return lineage.stream().collect(Collectors.toMap(TreeNode::kind, Function.identity()));
    }

    private static ProblemException unknown() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "No micro-grid, grid or community is known for this address.");
    }
}
