package org.gridgov.committee.meeting.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.gridgov.committee.meeting.MeetingService;
import org.gridgov.committee.meeting.domain.Choice;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A meeting's motions: those present vote (or the organisers record their votes), the organisers close them. */
@RestController
@RequestMapping(path = "/api/motions", produces = "application/json")
record MotionController(MeetingService service, Idempotency idempotency) {

    @GetMapping("/{id}")
    @Operation(operationId = "getMotion", summary = "A motion with its votes and tally")
    Mono<MotionView> find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visibleMotion(id, caller).map(found -> MotionView.of(found.motion()));
    }

    record VoteRequest(@NotNull UUID voterId, @NotNull Choice choice) {
    }

    /** One vote per voter present; a second replaces the first until the motion is closed. */
    @PostMapping("/{id}/votes")
    Mono<ResponseEntity<MotionView>> vote(@PathVariable UUID id, @Valid @RequestBody VoteRequest request,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/motions/" + id + "/votes " + request, MotionView.class,
                () -> service.vote(id, request.voterId(), request.choice(), caller)
                        .map(voted -> MotionView.of(voted.motion(), voted.votes().entrySet().stream()
                                .map((Map.Entry<UUID, Choice> vote) -> new MotionView.Vote(vote.getKey(), vote.getValue().name()))
                                .toList())));
    }

    /** Counts the votes and decides the motion by the quorum rule of its meeting's kind. */
    @PostMapping("/{id}/close")
    Mono<ResponseEntity<MotionView>> close(@PathVariable UUID id,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                           @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/motions/" + id + "/close", MotionView.class,
                () -> service.closeMotion(id, caller).map(MotionView::of));
    }
}
