package org.gridgov.committee.assessment.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.gridgov.committee.assessment.AssessmentService;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The year-end assessment (年底考核): the community's admins compute and freeze it, and read every unit's
 * row; a member unit reads its own. JSON, or by content negotiation the CSV and XLSX that go into the
 * units' annual performance review.
 */
@RestController
@RequestMapping("/api/assessments")
record AssessmentController(AssessmentService service, Idempotency idempotency) {

    record AssessmentRequest(@NotNull UUID communityId, @NotNull @Min(2000) @Max(2100) Integer year) {
    }

    /** 201 with a new version when a score or figure changed since the latest; 200 with the latest otherwise. */
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "computeAssessment", summary = "Compute and freeze a community's year-end assessment of its units")
    Mono<ResponseEntity<AssessmentView>> compute(@Valid @RequestBody AssessmentRequest request,
                                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                 @AuthenticationPrincipal Caller caller) {
        return idempotency.once(key, caller, "POST /api/assessments " + request, AssessmentView.class,
                () -> service.compute(request.communityId(), request.year(), caller).map(computed -> {
                    AssessmentView view = AssessmentView.of(computed.version());
                    return computed.created()
                            ? ResponseEntity.created(URI.create("/api/assessments?community=" + request.communityId()
                                    + "&year=" + request.year())).body(view)
                            : ResponseEntity.ok(view);
                }));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAssessment", summary = "The latest version of a community's year-end assessment")
    Mono<AssessmentView> latest(@RequestParam UUID community, @RequestParam @Min(2000) @Max(2100) int year,
                                @AuthenticationPrincipal Caller caller) {
        return service.latest(community, year, caller).map(AssessmentView::of);
    }

    @GetMapping(produces = "text/csv")
    @Operation(operationId = "exportAssessmentCsv", summary = "The latest year-end assessment as CSV")
    Mono<ResponseEntity<byte[]>> csv(@RequestParam UUID community, @RequestParam @Min(2000) @Max(2100) int year,
                                     @AuthenticationPrincipal Caller caller) {
        return service.latest(community, year, caller).map(AssessmentView::of)
                .map(view -> file(AssessmentExport.csv(view), "text/csv;charset=UTF-8",
                        AssessmentExport.fileName(view, "csv")));
    }

    @GetMapping(produces = AssessmentExport.XLSX)
    @Operation(operationId = "exportAssessmentXlsx", summary = "The latest year-end assessment as an XLSX workbook")
    Mono<ResponseEntity<byte[]>> xlsx(@RequestParam UUID community, @RequestParam @Min(2000) @Max(2100) int year,
                                      @AuthenticationPrincipal Caller caller) {
        return service.latest(community, year, caller).map(AssessmentView::of)
                .map(view -> file(AssessmentExport.xlsx(view), AssessmentExport.XLSX,
                        AssessmentExport.fileName(view, "xlsx")));
    }

    private static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
