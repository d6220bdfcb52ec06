package org.gridgov.member.member.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.member.member.ServiceRecords;
import org.gridgov.member.member.domain.ServiceRecord;
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

/** Service records (服务纪实) of a member, and grid staff's decisions on them. */
@RestController
@RequestMapping(path = "/api/members/{memberId}/service-records", produces = "application/json")
record ServiceRecordController(ServiceRecords records, Idempotency idempotency) {

    /** One of {@code wishId} and {@code activity} says what the service was. */
    record NewRecord(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 1)
                     BigDecimal hours, @NotNull LocalDate servedOn, UUID wishId, @Size(max = 200) String activity) {
    }

    record Approval(@Size(max = 500) String note) {
    }

    record Rejection(@NotBlank @Size(max = 500) String note) {
    }

    record RecordView(UUID id, UUID memberId, BigDecimal hours, LocalDate servedOn, UUID wishId, String activity,
                      ServiceRecord.Status status, Instant recordedAt) {

        static RecordView of(ServiceRecord record) {
            return new RecordView(record.id(), record.memberId(), record.hours(), record.servedOn(),
                    record.wishId().orElse(null), record.activity().orElse(null), record.status(), record.recordedAt());
        }
    }

    record DecisionView(RecordView record, Long pointsAwarded) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "recordService", summary = "A party member records a service they gave, for approval")
    Mono<ResponseEntity<RecordView>> record(@PathVariable UUID memberId, @Valid @RequestBody NewRecord body,
                                            @AuthenticationPrincipal Caller caller,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        ServiceRecords.NewRecord request = new ServiceRecords.NewRecord(body.hours(), body.servedOn(),
                Optional.ofNullable(body.wishId()), Optional.ofNullable(body.activity()));
        return idempotency.created(key, caller, "POST /api/members/" + memberId + "/service-records " + body,
                RecordView.class, () -> records.record(memberId, request, caller).map(RecordView::of),
                view -> "/api/members/" + memberId + "/service-records/" + view.id());
    }

    @PostMapping(path = "/{recordId}/approval")
    @Operation(operationId = "approveServiceRecord",
            summary = "The community approves a service record; its points are credited")
    @ProblemResponses(409)
    Mono<ResponseEntity<DecisionView>> approve(@PathVariable UUID memberId, @PathVariable UUID recordId,
                                               @Valid @RequestBody(required = false) Approval body,
                                               @AuthenticationPrincipal Caller caller,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Optional<String> note = Optional.ofNullable(body).map(Approval::note);
        return decide(memberId, recordId, true, note, caller, key);
    }

    @PostMapping(path = "/{recordId}/rejection", consumes = "application/json")
    @Operation(operationId = "rejectServiceRecord", summary = "The community rejects a service record, saying why")
    @ProblemResponses(409)
    Mono<ResponseEntity<DecisionView>> reject(@PathVariable UUID memberId, @PathVariable UUID recordId,
                                              @Valid @RequestBody Rejection body, @AuthenticationPrincipal Caller caller,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return decide(memberId, recordId, false, Optional.of(body.note()), caller, key);
    }

    private Mono<ResponseEntity<DecisionView>> decide(UUID memberId, UUID recordId, boolean approve, Optional<String> note,
                                                      Caller caller, String key) {
        String request = "POST /api/members/" + memberId + "/service-records/" + recordId + (approve ? "/approval " : "/rejection ")
                + note.orElse("");
        return idempotency.ok(key, caller, request, DecisionView.class,
                () -> records.decide(memberId, recordId, approve, note, caller)
                        .map(decision -> new DecisionView(RecordView.of(decision.record()),
                                decision.pointsAwarded().orElse(null))));
    }

    @GetMapping
    @Operation(operationId = "listServiceRecords",
            summary = "A party member's service records, newest first, a page at a time")
    Mono<Page<RecordView>> list(@PathVariable UUID memberId, @RequestParam Optional<ServiceRecord.Status> status,
                                @RequestParam Optional<String> cursor, @RequestParam Optional<Integer> limit,
                                @AuthenticationPrincipal Caller caller) {
        int size = Page.limit(limit.orElse(null));
        List<String> keys = Cursor.decode(cursor.orElse(null), 2);
        Optional<Instant> beforeAt = keys.isEmpty() ? Optional.empty() : Optional.of(Cursor.instantKey(keys.get(0)));
        Optional<UUID> beforeId = keys.isEmpty() ? Optional.empty() : Optional.of(Cursor.uuidKey(keys.get(1)));
        return records.list(memberId, status, beforeAt, beforeId, size + 1, caller)
                .map(rows -> Page.of(rows.stream().map(RecordView::of).toList(), size,
                        view -> Cursor.encode(view.recordedAt(), view.id())));
    }
}
