package org.gridgov.member.member.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.member.member.Members;
import org.gridgov.member.member.domain.MemberKind;
import org.gridgov.member.member.domain.PartyMember;
import org.gridgov.member.member.persistence.MemberStore;
import org.gridgov.member.privacy.PhoneNumbers;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
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

@RestController
@RequestMapping(path = "/api/members", produces = "application/json")
record MemberController(Members members, Idempotency idempotency) {

    /** @param id optional: lets an import keep the ids of an existing register */
    record NewMember(UUID id, @NotBlank @Size(max = 60) String name, @NotNull MemberKind kind, @NotNull UUID communityId,
                     UUID gridId, @Pattern(regexp = PhoneNumbers.PATTERN) String phone) {
    }

    record DualReport(@NotNull UUID communityId, @NotBlank @Size(max = 100) String workUnit, UUID unitId) {
    }

    record DualReportView(UUID communityId, String workUnit, UUID unitId, Instant reportedAt) {
    }

    /** A party member; {@code phone} is masked unless the caller may see it. */
    record MemberView(UUID id, String name, MemberKind kind, UUID communityId, UUID gridId, String phone,
                      DualReportView dualReport, Instant registeredAt) {

        static MemberView of(PartyMember member, boolean fullPhone) {
            return new MemberView(member.id(), member.name(), member.kind(), member.communityId(),
                    member.gridId().orElse(null),
                    member.phone().map(phone -> fullPhone ? phone : PhoneNumbers.mask(phone)).orElse(null),
                    member.dualReport().map(report -> new DualReportView(report.communityId(), report.workUnit(),
                            report.workUnitId().orElse(null), report.reportedAt())).orElse(null),
                    member.registeredAt());
        }
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "registerMember", summary = "Register a party member in a community")
    Mono<ResponseEntity<MemberView>> register(@Valid @RequestBody NewMember body, @AuthenticationPrincipal Caller caller,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Members.Registration registration = new Members.Registration(Optional.ofNullable(body.id()), body.name(), body.kind(),
                body.communityId(), Optional.ofNullable(body.gridId()), Optional.ofNullable(body.phone()));
        return idempotency.created(key, caller, "POST /api/members " + body, MemberView.class,
                () -> members.register(registration, caller).map(member -> MemberView.of(member, false)),
                view -> "/api/members/" + view.id());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMember", summary = "A party member")
    Mono<MemberView> get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return members.visible(id, caller, false)
                .flatMap(member -> members.seesPhone(member, caller).map(full -> MemberView.of(member, full)));
    }

    @GetMapping
    @Operation(operationId = "listMembers",
            summary = "The party members of a community (or one of its grids), a page at a time")
    Mono<Page<MemberView>> list(@RequestParam UUID community, @RequestParam Optional<UUID> grid,
                                @RequestParam Optional<MemberKind> kind, @RequestParam Optional<Boolean> dualReported,
                                @RequestParam Optional<String> cursor, @RequestParam Optional<Integer> limit,
                                @AuthenticationPrincipal Caller caller) {
        int size = Page.limit(limit.orElse(null));
        Optional<UUID> after = Cursor.singleKey(cursor.orElse(null)).map(Cursor::uuidKey);
        return members.list(new MemberStore.Filter(community, grid, kind, dualReported), after, size + 1, caller)
                .map(rows -> Page.of(rows.stream().map(member -> MemberView.of(member, false)).toList(), size,
                        view -> Cursor.encode(view.id())));
    }

    @PostMapping(path = "/{id}/dual-report", consumes = "application/json")
    @Operation(operationId = "reportMemberToCommunity",
            summary = "A party member reports to the community where they live (双报到)")
    @ProblemResponses(409)
    Mono<ResponseEntity<MemberView>> dualReport(@PathVariable UUID id, @Valid @RequestBody DualReport body,
                                                @AuthenticationPrincipal Caller caller,
                                                @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Members.DualReportRequest request = new Members.DualReportRequest(body.communityId(), body.workUnit(),
                Optional.ofNullable(body.unitId()));
        return idempotency.ok(key, caller, "POST /api/members/" + id + "/dual-report " + body, MemberView.class,
                () -> members.dualReport(id, request, caller)
                        .flatMap(member -> members.seesPhone(member, caller).map(full -> MemberView.of(member, full))));
    }
}
