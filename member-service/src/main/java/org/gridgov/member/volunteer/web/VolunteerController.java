package org.gridgov.member.volunteer.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.privacy.PhoneNumbers;
import org.gridgov.member.volunteer.Volunteers;
import org.gridgov.member.volunteer.domain.RankedVolunteer;
import org.gridgov.member.volunteer.domain.Volunteer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Volunteers (志愿者): registered by the community's admins, read by themselves, ranked per community. */
@RestController
@RequestMapping(path = "/api/volunteers", produces = "application/json")
record VolunteerController(Volunteers volunteers, Idempotency idempotency) {

    record RegisterVolunteer(@NotBlank @Size(max = 100) String name, @NotNull UUID communityId,
                           @NotBlank @Pattern(regexp = PhoneNumbers.PATTERN) String phone) {

        @Override
        public String toString() {
            // the idempotency fingerprint only: never the phone in clear
            return "RegisterVolunteer[" + name.hashCode() + ", " + communityId + ", " + phone.hashCode() + "]";
        }
    }

    /** The volunteer as the API shows them: the phone in full to themself, masked to admins. */
    record VolunteerView(UUID id, String name, UUID communityId, String phone, Instant registeredAt) {

        static VolunteerView of(Volunteer v, boolean seesPhone) {
            return new VolunteerView(v.id(), v.name(), v.communityId(), seesPhone ? v.phone() : PhoneNumbers.mask(v.phone()),
                    v.registeredAt());
        }
    }

    @PostMapping
    Mono<ResponseEntity<VolunteerView>> register(@Valid @RequestBody RegisterVolunteer request,
                                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                 @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/volunteers " + request, VolunteerView.class,
                () -> volunteers.register(request.name().strip(), request.communityId(), request.phone().strip(), caller)
                        .map(v -> VolunteerView.of(v, false)),
                view -> "/api/volunteers/" + view.id());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getVolunteer", summary = "A volunteer (志愿者)")
    Mono<VolunteerView> find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return volunteers.visible(id, caller).map(v -> VolunteerView.of(v, Volunteers.isVolunteer(caller, id)));
    }

    /** The community's volunteers ranked by service hours, then points, from joint activities (志愿者排行). */
    @GetMapping("/ranking")
    Mono<List<RankedVolunteer>> ranking(@RequestParam UUID community,
                                              @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            return Mono.error(ProblemException.invalidField("limit", "must be between 1 and 200"));
        }
        return volunteers.ranking(community, limit).collectList();
    }
}
