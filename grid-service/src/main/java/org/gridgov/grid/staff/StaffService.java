package org.gridgov.grid.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.Event;
import org.gridgov.grid.domain.EnumNames;
import org.gridgov.grid.readmodel.PartyMembers;
import org.gridgov.grid.staff.domain.GridRole;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.staff.domain.StaffTerm;
import org.gridgov.grid.staff.messaging.StaffEvents;
import org.gridgov.grid.staff.persistence.StaffAssignmentStore;
import org.gridgov.grid.tree.GridAccess;
import org.gridgov.grid.tree.domain.TreeNode;
import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives a role in a grid (一长六员) or micro-grid (its chief) to one person, ending the previous
 * holder's term. Admins only, inside their jurisdiction. Call it inside a transaction.
 */
@Service
public class StaffService {

    private final GridNodeStore nodes;
    private final StaffAssignmentStore staff;
    private final GridAccess access;
    private final Outbox outbox;
    private final PartyMembers members;
    private final Clock clock;

    public StaffService(GridNodeStore nodes, StaffAssignmentStore staff, GridAccess access, Outbox outbox, PartyMembers members,
                        Clock clock) {
        this.nodes = nodes;
        this.members = members;
        this.staff = staff;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every term served at the node, current ones without an end, newest first; 404 for a node that does not exist. */
    public Flux<StaffTerm> history(UUID nodeId) {
        return nodes.find(nodeId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("grid node", nodeId)))
                .thenMany(staff.history(nodeId));
    }

    /** The term a holder serves at its node. */
    public Mono<StaffTerm> term(StaffAssignment holder) {
        return staff.history(holder.nodeId()).filter(term -> term.assignment().id().equals(holder.id())).next();
    }

    /** Who is to hold a role: {@code personId} may be left out for a party member, whose member id then names them. */
    public record Person(UUID personId, UUID memberId, String name) {
    }

    public Mono<StaffAssignment> assign(UUID nodeId, String roleName, Person person, Caller caller) {
        GridRole role = role(roleName);
        UUID personId = Optional.ofNullable(person.personId()).or(() -> Optional.ofNullable(person.memberId()))
                .orElseThrow(() -> ProblemException.invalid("personId is required unless memberId is given."));
        StaffAssignment wanted = new StaffAssignment(UUID.randomUUID(), nodeId, role, personId, person.memberId(),
                person.name().strip());
        return servingNode(nodeId, role, caller)
                .then(requireKnownMember(person.memberId()))
                .then(staff.current(nodeId, role).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(current -> {
                    if (current.isPresent() && current.get().sameHolder(wanted)) {
                        return Mono.just(current.get());
                    }
                    Instant now = clock.instant();
                    List<StaffAssignment> ended = current.stream().toList();
                    return staff.endAll(ended, now)
                            .then(staff.startAll(List.of(wanted), now))
                            .thenMany(Flux.fromIterable(ended).<Event>map(holder -> StaffEvents.staffUnassigned(holder, now))
                                    .concatWithValues(StaffEvents.staffAssigned(wanted, now)))
                            .concatMap(outbox::append)
                            .then(Mono.just(wanted));
                });
    }

    /** A role held as a party member names one member-service has registered: 422 otherwise. */
    private Mono<Void> requireKnownMember(UUID memberId) {
        if (memberId == null) {
            return Mono.empty();
        }
        return members.isKnown(memberId).flatMap(known -> known ? Mono.<Void>empty()
                : Mono.error(ProblemException.unknownReferences(List.of(new FieldError("memberId",
                        "no party member " + memberId + " is known")))));
    }

    /** Ends the current holder's term, if there is one. */
    public Mono<Void> unassign(UUID nodeId, String roleName, Caller caller) {
        GridRole role = role(roleName);
        Instant now = clock.instant();
        return servingNode(nodeId, role, caller)
                .then(staff.current(nodeId, role))
                .flatMap(holder -> staff.endAll(List.of(holder), now)
                        .then(outbox.append(StaffEvents.staffUnassigned(holder, now))))
                .then();
    }

    /** The live node of the kind the role serves in, inside the caller's jurisdiction. */
    private Mono<TreeNode> servingNode(UUID nodeId, GridRole role, Caller caller) {
        return access.requireAdmin(caller)
                .then(nodes.find(nodeId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("grid node", nodeId)))
                .flatMap(node -> access.requireWithin(caller, nodeId).thenReturn(node))
                .flatMap(node -> {
                    if (node.kind() != role.servesIn()) {
                        return Mono.error(ProblemException.invalid(role + " is a role in a "
                                + role.servesIn().name().toLowerCase().replace('_', '-') + ", not in a "
                                + node.kind().name().toLowerCase().replace('_', '-') + "."));
                    }
                    if (node.retired()) {
                        return Mono.error(ProblemException.conflict("This node is retired."));
                    }
                    return Mono.just(node);
                });
    }

    private static GridRole role(String name) {
        return EnumNames.parse(GridRole.class, name)
                .orElseThrow(() -> ProblemException.invalid("role must be one of " + EnumNames.names(GridRole.class) + "."));
    }
}
