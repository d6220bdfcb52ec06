package org.gridgov.fieldwork.cases.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.cases.CaseQueries;
import org.gridgov.fieldwork.cases.CaseService;
import org.gridgov.fieldwork.cases.domain.CaseStatus;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Severity;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
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

/**
 * Cases (案卷): reported from the field, filed or declined by the community, referred to a department (吹哨),
 * acknowledged (报到), reported handled, verified on site and closed.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = "application/json")
record CaseController(CaseService service, CaseQueries queries, Idempotency idempotency) {

    record ReportRequest(@NotNull UUID microGridId, @NotNull Category category,
                         @NotBlank @Size(max = 4000) String description,
                         @Min(0) @Max(100000) Integer householdsAffected, @Min(0) @Max(100000) Integer shopsAffected,
                         @NotNull Severity severity,
                         @Size(max = FieldCase.MAX_PHOTOS) List<@NotBlank @Size(max = 2000) String> photoUrls) {

        CaseService.NewCase toNewCase() {
            return new CaseService.NewCase(microGridId, category, description,
                    householdsAffected == null ? 0 : householdsAffected, shopsAffected == null ? 0 : shopsAffected,
                    severity, photoUrls);
        }
    }

    @PostMapping
    Mono<ResponseEntity<CaseView>> reportCase(@Valid @RequestBody ReportRequest request,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/cases " + request, CaseView.class,
                () -> service.report(request.toNewCase(), caller).map(CaseView::of), view -> "/api/cases/" + view.id());
    }

    /** The cases below a grid-tree node (staff and admins), or of the caller's department; optionally of some statuses. */
    @GetMapping
    Mono<List<CaseView>> listCases(@RequestParam(required = false) UUID node,
                              @RequestParam(required = false) List<CaseStatus> status,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                              @AuthenticationPrincipal Caller caller) {
        if (status != null && status.contains(null)) {
            // an empty value (status=, or one of blanks and control characters) converts to no status at all
            return Mono.error(ProblemException.invalidField("status", "expected one of " + Arrays.toString(CaseStatus.values())));
        }
        List<CaseStatus> statuses = status == null || status.isEmpty() ? Arrays.asList(CaseStatus.values()) : status;
        return queries.list(node, statuses, limit, caller).map(CaseView::of).collectList();
    }

    @GetMapping("/{id}")
    Mono<CaseView> findCase(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller).map(CaseView::of);
    }

    @PostMapping("/{id}/filing")
    Mono<ResponseEntity<CaseView>> fileCase(@PathVariable UUID id,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                        @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/cases/" + id + "/filing", CaseView.class,
                () -> service.file(id, caller).map(CaseView::of));
    }

    record CaseDeclineRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/{id}/decline")
    Mono<ResponseEntity<CaseView>> declineCase(@PathVariable UUID id, @Valid @RequestBody CaseDeclineRequest request,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                           @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/cases/" + id + "/decline " + request, CaseView.class,
                () -> service.decline(id, request.reason(), caller).map(CaseView::of));
    }

    record ReferralRequest(@NotNull UUID departmentId) {
    }

    @PostMapping("/{id}/referral")
    Mono<ResponseEntity<CaseView>> referCase(@PathVariable UUID id, @Valid @RequestBody ReferralRequest request,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                         @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/cases/" + id + "/referral " + request, CaseView.class,
                () -> service.refer(id, request.departmentId(), caller).map(CaseView::of));
    }

    @PostMapping("/{id}/acknowledgement")
    Mono<ResponseEntity<CaseView>> acknowledgeCase(@PathVariable UUID id,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                               @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/cases/" + id + "/acknowledgement", CaseView.class,
                () -> service.acknowledge(id, caller).map(CaseView::of));
    }

    record HandlingReport(@NotBlank @Size(max = 4000) String note,
                          @Size(max = FieldCase.MAX_PHOTOS) List<@NotBlank @Size(max = 2000) String> photoUrls) {
    }

    @PostMapping("/{id}/handling-report")
    Mono<ResponseEntity<CaseView>> reportCaseHandled(@PathVariable UUID id, @Valid @RequestBody HandlingReport request,
                                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                 @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/cases/" + id + "/handling-report " + request, CaseView.class,
                () -> service.reportHandled(id, request.note(), caller).map(CaseView::of));
    }

    record VerificationRequest(@NotNull Boolean passed, @Size(max = 4000) String note) {
    }

    @PostMapping("/{id}/verification")
    Mono<ResponseEntity<CaseView>> verifyCase(@PathVariable UUID id, @Valid @RequestBody VerificationRequest request,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/cases/" + id + "/verification " + request, CaseView.class,
                () -> service.verify(id, request.passed(), caller).map(CaseView::of));
    }
}
