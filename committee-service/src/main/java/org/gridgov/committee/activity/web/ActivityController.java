package org.gridgov.committee.activity.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.committee.activity.ActivityService;
import org.gridgov.committee.activity.domain.Teams;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Joint activities (活动联办): the community's admins plan them with member units, party members sign up, the
 * organisers check people in and complete the activity, which credits service hours and points once.
 */
@RestController
@RequestMapping(path = "/api/activities", produces = "application/json")
record ActivityController(ActivityService service, Idempotency idempotency) {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    record PlanActivity(@NotNull UUID communityId, @NotBlank @Size(max = 200) String title,
                         @NotBlank @Size(max = 50) String kind, @NotNull Instant startsAt, @NotNull Instant endsAt,
                         @NotBlank @Size(max = 200) String place, @NotNull @Min(1) @Max(10000) Integer capacity,
                         @NotNull @DecimalMin("0") @DecimalMax("24") BigDecimal hours,
                         @NotNull @Min(0) @Max(1000) Integer points,
                         @Size(max = 50) List<@NotNull UUID> organiserUnitIds) {
    }

    @PostMapping
    Mono<ResponseEntity<ActivityView>> plan(@Valid @RequestBody PlanActivity request,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                            @AuthenticationPrincipal Caller caller) {
        ActivityService.Plan plan = new ActivityService.Plan(request.communityId(), request.title().strip(),
                request.kind().strip(), request.startsAt(), request.endsAt(), request.place().strip(), request.capacity(),
                request.hours(), request.points(),
                request.organiserUnitIds() == null ? List.of() : List.copyOf(request.organiserUnitIds()));
        return idempotency.created(key, caller, "POST /api/activities " + request, ActivityView.class,
                () -> service.plan(plan, caller).map(activity -> ActivityView.of(activity, 0, null)),
                view -> "/api/activities/" + view.id());
    }

    /** The community's activities starting in [from, to), earliest first. */
    @GetMapping
    Mono<List<ActivityView>> list(@RequestParam UUID community, @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to) {
        Instant start = from == null ? EARLIEST : from;
        Instant end = to == null ? LATEST : to;
        if (!start.isBefore(end)) {
            return Mono.error(ProblemException.invalidField("to", "must be after from"));
        }
        return service.inCommunity(community, start, end)
                .concatMap(activity -> service.registered(activity.id()).map(n -> ActivityView.of(activity, n, null)))
                .collectList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getActivity", summary = "An activity of the committee (活动联办)")
    Mono<ActivityView> find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.find(id).flatMap(activity -> Mono.zip(service.registered(id),
                        service.registrationsFor(activity, caller))
                .map(seen -> ActivityView.of(activity, seen.getT1(), seen.getT2())));
    }

    /** Signs the caller (a party member) up, while places are left and the activity has not ended. */
    @PostMapping("/{id}/registrations")
    Mono<ResponseEntity<RegistrationView>> register(@PathVariable UUID id,
                                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                    @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/activities/" + id + "/registrations", RegistrationView.class,
                () -> service.register(id, caller).map(RegistrationView::of),
                view -> "/api/activities/" + id + "/registrations/" + view.personId());
    }

    /** Cancels a registration before the activity starts: one's own, or any by an organiser. */
    @DeleteMapping("/{id}/registrations/{personId}")
    Mono<ResponseEntity<Void>> cancel(@PathVariable UUID id, @PathVariable UUID personId,
                                      @AuthenticationPrincipal Caller caller) {
        return service.cancel(id, personId, caller).then(Mono.just(ResponseEntity.noContent().build()));
    }

    record ActivityCheckIn(@NotNull UUID personId) {
    }

    @PostMapping("/{id}/check-ins")
    Mono<ResponseEntity<RegistrationView>> checkIn(@PathVariable UUID id, @Valid @RequestBody ActivityCheckIn request,
                                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                   @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/activities/" + id + "/check-ins " + request,
                RegistrationView.class, () -> service.checkIn(id, request.personId(), caller)
                        .map(RegistrationView::of));
    }

    /** A team of the activity: its name, the grid whose staff lead it (none: the community's volunteers), its people. */
    record TeamView(String name, UUID gridId, String gridName, List<RegistrationView> people) {
    }

    /** 按照网格区域10人一组，由网格员带队: those signed up in teams by grid, {@code size} to a team at most (2–50). */
    @GetMapping("/{id}/teams")
    @Operation(operationId = "getActivityTeams", summary = "The activity's people in teams by grid (网格分队)")
    Mono<List<TeamView>> teams(@PathVariable UUID id, @RequestParam(defaultValue = "10") @Min(Teams.MIN_SIZE)
                               @Max(Teams.MAX_SIZE) int size, @AuthenticationPrincipal Caller caller) {
        return service.teams(id, size, caller).map(teams -> teams.stream().map(team -> new TeamView(team.name(),
                team.gridId(), team.gridName(), team.people().stream().map(RegistrationView::of).toList())).toList());
    }

    /** Completes the activity: each person checked in earns its service hours and points, once. */
    @PostMapping("/{id}/complete")
    Mono<ResponseEntity<ActivityView>> complete(@PathVariable UUID id,
                                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/activities/" + id + "/complete", ActivityView.class,
                () -> service.complete(id, caller).map(seen -> ActivityView.of(seen.activity(),
                        seen.registrations().size(), seen.registrations())));
    }
}
