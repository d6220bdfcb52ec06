package org.gridgov.grid.tree.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import org.gridgov.grid.domain.Enums;
import org.gridgov.grid.staff.domain.GridRole;
import org.gridgov.grid.staff.persistence.StaffAssignments;
import org.gridgov.grid.tree.NodeRetirement;
import org.gridgov.grid.tree.TreeQueries;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.persistence.NodeSearch;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
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

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;
    /** The kinds of node that have role holders (一长六员, micro-grid chiefs). */
    private static final Set<NodeKind> STAFFED = Arrays.stream(GridRole.values()).map(GridRole::servesIn)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(NodeKind.class)));

    private final TreeQueries tree;
    private final StaffAssignments staff;
    private final NodeRetirement retirement;
    private final Idempotency idempotency;

    NodeController(TreeQueries tree, StaffAssignments staff, NodeRetirement retirement, Idempotency idempotency) {
        this.tree = tree;
        this.staff = staff;
        this.retirement = retirement;
        this.idempotency = idempotency;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NodePage(List<NodeView> items, String next) {
    }

    @GetMapping
    @Operation(operationId = "searchNodes",
            summary = "Live nodes by kind, part of the name and parent, in name order; follow 'next' for more")
    Mono<NodePage> search(@RequestParam Optional<String> kind, @RequestParam Optional<String> name,
                          @RequestParam Optional<UUID> parent, @RequestParam Optional<String> cursor,
                          @RequestParam Optional<Integer> limit) {
        int size = limit.orElse(DEFAULT_PAGE);
        if (size < 1 || size > MAX_PAGE) {
            return Mono.error(ProblemException.invalid("limit must be between 1 and " + MAX_PAGE + "."));
        }
        Optional<NodeKind> nodeKind = kind.filter(text -> !text.isBlank()).map(text -> Enums.parse(NodeKind.class, text)
                .orElseThrow(() -> ProblemException.invalid("kind must be one of " + Enums.names(NodeKind.class) + ".")));
        NodeSearch search = new NodeSearch(nodeKind, name.filter(text -> !text.isBlank()), parent,
                cursor.map(NodeController::after), size + 1);
        return tree.search(search).map(found -> {
            List<NodeView> items = found.stream().limit(size).map(NodeView::of).toList();
            String next = found.size() > size ? cursor(items.get(size - 1)) : null;
            return new NodePage(items, next);
        });
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
        return idempotency.once(key, caller, "DELETE /api/grid/nodes/" + id, NodeView.class,
                () -> retirement.retire(id, caller).flatMap(retired -> tree.counted(retired.id()))
                        .map(counted -> ResponseEntity.ok(NodeView.of(counted))));
    }

    private static String cursor(NodeView last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.id() + "\n" + last.name()).getBytes(StandardCharsets.UTF_8));
    }

    private static NodeSearch.After after(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new NodeSearch.After(text.substring(newline + 1), UUID.fromString(text.substring(0, newline)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalid("cursor is not one this API gave out.");
        }
    }
}
