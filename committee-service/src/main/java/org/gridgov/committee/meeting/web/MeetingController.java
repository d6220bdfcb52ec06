package org.gridgov.committee.meeting.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.committee.meeting.MeetingService;
import org.gridgov.committee.meeting.domain.AgendaItem;
import org.gridgov.committee.meeting.domain.Invitees;
import org.gridgov.committee.meeting.domain.MeetingKind;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The community's meetings (联席会议, 议事会, 碰头会, 居民议事会): their organisers schedule them, record who came,
 * write the minutes, put motions and close them; everyone in the community reads them.
 */
@RestController
@RequestMapping(path = "/api/meetings", produces = "application/json")
record MeetingController(MeetingService service, Idempotency idempotency) {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    record AgendaRequest(@NotBlank @Size(max = 200) String title, @NotNull AgendaItem.Ref refKind, UUID refId) {
    }

    record InviteesRequest(@Size(max = 200) List<@NotNull UUID> unitIds, @Size(max = 500) List<@NotNull UUID> memberIds,
                           @Size(max = 50) List<@NotBlank @Size(max = 100) String> departmentNames) {
    }

    record ScheduleMeeting(@NotNull UUID communityId, UUID gridId, @NotNull MeetingKind kind,
                         @NotBlank @Size(max = 200) String title, @NotNull Instant scheduledAt,
                         @NotBlank @Size(max = 200) String place,
                         @Size(max = 50) List<@Valid @NotNull AgendaRequest> agenda,
                         @Valid InviteesRequest invitees) {
    }

    @PostMapping
    Mono<ResponseEntity<MeetingView>> schedule(@Valid @RequestBody ScheduleMeeting request,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                               @AuthenticationPrincipal Caller caller) {
        InviteesRequest invited = request.invitees() == null ? new InviteesRequest(null, null, null) : request.invitees();
        MeetingService.Scheduling scheduling = new MeetingService.Scheduling(request.communityId(), request.gridId(),
                request.kind(), request.title().strip(), request.scheduledAt(), request.place().strip(),
                request.agenda() == null ? List.of() : request.agenda().stream()
                        .map(item -> new AgendaItem(item.title().strip(), item.refKind(), item.refId())).toList(),
                new Invitees(orEmpty(invited.unitIds()), orEmpty(invited.memberIds()),
                        orEmpty(invited.departmentNames()).stream().map(String::strip).toList()));
        return idempotency.created(key, caller, "POST /api/meetings " + request, MeetingView.class,
                () -> service.schedule(scheduling, caller).map(meeting -> MeetingView.of(meeting, List.of())),
                view -> "/api/meetings/" + view.id());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The community's meetings scheduled in [from, to), earliest first. */
    @GetMapping
    Mono<List<MeetingView>> list(@RequestParam UUID community, @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to, @AuthenticationPrincipal Caller caller) {
        Instant start = from == null ? EARLIEST : from;
        Instant end = to == null ? LATEST : to;
        if (!start.isBefore(end)) {
            return Mono.error(ProblemException.invalidField("to", "must be after from"));
        }
        return service.inCommunity(community, start, end, caller).map(meeting -> MeetingView.of(meeting, null))
                .collectList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMeeting", summary = "A meeting with its agenda, attendance and motions")
    Mono<MeetingView> find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller)
                .flatMap(meeting -> service.motionsOf(id).collectList().map(motions -> MeetingView.of(meeting, motions)));
    }

    record AttendanceRequest(@NotNull @Size(max = 700) List<@NotNull UUID> present,
                             @Size(max = 700) List<@NotNull UUID> excused) {
    }

    /** Who came and who was excused (invited units and party members); replaces the earlier record until closing. */
    @PostMapping("/{id}/attendance")
    Mono<ResponseEntity<MeetingView>> attendance(@PathVariable UUID id, @Valid @RequestBody AttendanceRequest request,
                                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                 @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/meetings/" + id + "/attendance " + request, MeetingView.class,
                () -> service.recordAttendance(id, request.present(), orEmpty(request.excused()), caller)
                        .map(meeting -> MeetingView.of(meeting, null)));
    }

    record MinutesRequest(@NotBlank @Size(max = 20000) String text) {
    }

    @PutMapping("/{id}/minutes")
    Mono<ResponseEntity<MeetingView>> minutes(@PathVariable UUID id, @Valid @RequestBody MinutesRequest request,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                              @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "PUT /api/meetings/" + id + "/minutes " + request, MeetingView.class,
                () -> service.writeMinutes(id, request.text(), caller)
                        .map(meeting -> MeetingView.of(meeting, null)));
    }

    /** Closes the meeting: its open motions are decided, its attendance and minutes final. */
    @PostMapping("/{id}/close")
    Mono<ResponseEntity<MeetingView>> close(@PathVariable UUID id,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                            @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/meetings/" + id + "/close", MeetingView.class,
                () -> service.close(id, caller).flatMap(meeting -> service.motionsOf(id).collectList()
                        .map(motions -> MeetingView.of(meeting, motions))));
    }

    record MotionRequest(@NotNull @Min(0) Integer agendaItem, @NotBlank @Size(max = 4000) String text) {
    }

    @PostMapping("/{id}/motions")
    Mono<ResponseEntity<MotionView>> propose(@PathVariable UUID id, @Valid @RequestBody MotionRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/meetings/" + id + "/motions " + request, MotionView.class,
                () -> service.propose(id, request.agendaItem(), request.text().strip(), caller).map(MotionView::of),
                view -> "/api/motions/" + view.id());
    }
}
