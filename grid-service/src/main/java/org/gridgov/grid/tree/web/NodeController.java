package org.gridgov.grid.tree.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import org.gridgov.grid.domain.EnumNames;
import org.gridgov.grid.staff.domain.GridRole;
import org.gridgov.grid.staff.persistence.StaffAssignmentStore;
import org.gridgov.grid.tree.NodeRetirement;
import org.gridgov.grid.tree.TreeQueries;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.persistence.NodeSearch;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/grid/nodes", produces = MediaType.APPLICATION_JSON_VALUE)
class NodeController {

    /** The kinds of node that have role holders (一长六员, micro-grid chiefs). */
    private static final Set<NodeKind> STAFFED = Arrays.stream(GridRole.values()).map(GridRole::servesIn)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(NodeKind.class)));

    private final TreeQueries tree;
    private final StaffAssignmentStore staff;
    private final NodeRetirement retirement;
    private final Idempotency idempotency;

    NodeController(TreeQueries tree, StaffAssignmentStore staff, NodeRetirement retirement, Idempotency idempotency) {
        this.tree = tree;
        this.staff = staff;
        this.retirement = retirement;
        this.idempotency = idempotency;
    }

    @GetMapping
    @Operation(operationId = "searchNodes",
            summary = "Live nodes by kind, part of the name and parent, in name order; follow 'next' for more")
    Mono<Page<NodeView>> search(@RequestParam Optional<String> kind, @RequestParam Optional<String> name,
                          @RequestParam Optional<UUID> parent, @RequestParam Optional<String> cursor,
                          @RequestParam Optional<Integer> limit) {
        int size = Page.limit(limit);
        Optional<NodeKind> nodeKind = kind.filter(text -> !text.isBlank()).map(text -> EnumNames.parse(NodeKind.class, text)
                .orElseThrow(() -> ProblemException.invalid("kind must be one of " + EnumNames.names(NodeKind.class) + ".")));
        NodeSearch search = new NodeSearch(nodeKind, name.filter(text -> !text.isBlank()), parent,
                Cursor.nameAndId(cursor.orElse(null)).map(after -> new NodeSearch.After(after.name(), after.id())), size + 1);
        return tree.search(search).map(found -> Page.of(found, size,
                counted -> Cursor.encode(counted.node().name(), counted.node().id()), NodeView::of));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getNode",
            summary = "A node with its counts, and the current role holders of a grid or micro-grid")
    Mono<NodeView> get(@PathVariable UUID id) {
        return tree.counted(id).flatMap(counted -> STAFFED.contains(counted.node().kind())
                ? staff.currentAt(id).collectList().map(holders -> NodeView.withStaff(counted, holders))
                : Mono.just(NodeView.of(counted)));
    }

    @GetMapping("/{id}/children")
    @Operation(operationId = "listChildNodes",
            summary = "The live children of a node, each with its counts, in name order")
    Mono<List<NodeView>> children(@PathVariable UUID id) {
        return tree.children(id).map(children -> children.stream().map(NodeView::of).toList());
    }

    @GetMapping("/{id}/tree")
    @Operation(operationId = "getNodeTree",
            summary = "A node and its live descendants down to 'depth' levels (0–3, default 2), each with counts")
    Mono<NodeView> tree(@PathVariable UUID id, @RequestParam(defaultValue = "2") int depth) {
        return tree.tree(id, depth).map(NodeView::of);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "retireNode",
            summary = "Retire an empty node (admins within their jurisdiction); 409 while it has children or households")
    @ProblemResponses(409)
    Mono<ResponseEntity<NodeView>> retire(@PathVariable UUID id, @AuthenticationPrincipal Caller caller,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.ok(key, caller, "DELETE /api/grid/nodes/" + id, NodeView.class,
                () -> retirement.retire(id, caller).flatMap(retired -> tree.counted(retired.id()))
                        .map(NodeView::of));
    }
}
