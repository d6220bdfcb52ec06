package org.gridgov.grid.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.grid.tree.domain.NodeCounts;
import org.gridgov.grid.tree.domain.TreeNode;
import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.gridgov.grid.tree.persistence.NodeSearch;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The tree as readers see it: nodes with what lies inside them. Any authenticated caller may read it. */
@Service
public record TreeQueries(GridNodeStore nodes) {

    /** How far down one tree request reaches: a district's tree three levels deep is already 2,000 grids. */
    public static final int MAX_DEPTH = 3;

    /** A node and its counts. */
    public record Counted(TreeNode node, NodeCounts counts) {
    }

    /** A node, its counts and its subtree down to the requested depth. */
    public record Branch(TreeNode node, NodeCounts counts, List<Branch> children) {
    }

    public Mono<TreeNode> node(UUID id) {
        return nodes.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("grid node", id)));
    }

    public Mono<Counted> counted(UUID id) {
        return node(id).flatMap(node -> withCounts(List.of(node)).map(counted -> counted.get(0)));
    }

    public Mono<List<Counted>> children(UUID id) {
        return node(id).thenMany(nodes.children(id)).collectList().flatMap(this::withCounts);
    }

    public Mono<List<Counted>> search(NodeSearch search) {
        return nodes.search(search).collectList().flatMap(this::withCounts);
    }

    public Mono<Branch> tree(UUID id, int depth) {
        if (depth < 0 || depth > MAX_DEPTH) {
            return Mono.error(ProblemException.invalid("depth must be between 0 and " + MAX_DEPTH + "."));
        }
        return node(id).flatMap(root -> nodes.subtree(root, depth).collectList())
                .flatMap(this::withCounts)
                .map(TreeQueries::assemble);
    }

    private Mono<List<Counted>> withCounts(List<TreeNode> found) {
        return nodes.counts(found.stream().map(TreeNode::id).toList())
                .map(counts -> found.stream()
                        .map(node -> new Counted(node, counts.getOrDefault(node.id(), NodeCounts.NONE)))
                        .toList());
    }

    /** Hangs each node under its parent; the list comes parents first, the root at its head. */
    private static Branch assemble(List<Counted> parentsFirst) {
        Map<UUID, List<Branch>> childrenOf = new HashMap<>();
        Branch root = null;
        for (Counted counted : parentsFirst) {
            Branch branch = new Branch(counted.node(), counted.counts(), new ArrayList<>());
            childrenOf.put(counted.node().id(), branch.children());
            if (root == null) {
                root = branch;
            } else {
                childrenOf.get(counted.node().parentId()).add(branch);
            }
        }
        return root;
    }
}
