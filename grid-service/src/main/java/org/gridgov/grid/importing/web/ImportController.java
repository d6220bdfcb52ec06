package org.gridgov.grid.importing.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.gridgov.grid.importing.ImportDocumentReader;
import org.gridgov.grid.importing.ImportRunner;
import org.gridgov.grid.importing.ImportService;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportProblem;
import org.gridgov.grid.importing.domain.ImportReport;
import org.gridgov.grid.importing.domain.SectionCounts;
import org.gridgov.grid.tree.GridAccess;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/grid/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class ImportController {

    static final int MAX_WAIT_SECONDS = 120;
    private static final Duration POLL = Duration.ofMillis(200);

    private final ImportService imports;
    private final ImportRunner runner;
    private final ImportDocumentReader reader;
    private final Idempotency idempotency;
    private final GridAccess access;
    private final int maxDocumentBytes;

    ImportController(ImportService imports, ImportRunner runner, ImportDocumentReader reader, Idempotency idempotency,
                     GridAccess access, @Value("${gridgov.grid.import.max-document-size:32MB}") DataSize maxDocumentSize) {
        this.imports = imports;
        this.runner = runner;
        this.reader = reader;
        this.idempotency = idempotency;
        this.access = access;
        this.maxDocumentBytes = (int) maxDocumentSize.toBytes();
    }

    /**
     * The document is read here rather than by the codecs: a community of 10,000 households is larger
     * than the 1 MB every other request is held to.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "importCommunity", summary = "Import a community's structure",
            description = "202 with the import; follow it on its Location. With wait=N (seconds, at most "
                    + MAX_WAIT_SECONDS + ") the answer waits for the import to finish: 200 with its report, or 202 if it"
                    + " is still running by then. For scripts that cannot poll.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ImportDocument.class))))
    Mono<ResponseEntity<ImportView>> submit(ServerHttpRequest request, @AuthenticationPrincipal Caller caller,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                            @RequestParam(defaultValue = "0") int wait) {
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            return Mono.error(ProblemException.invalid("wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds."));
        }
        // a caller who may not import is refused before their document is read
        return access.requireAdmin(caller)
                .then(read(request))
                .flatMap(text -> {
                    ImportDocument document = reader.read(text);
                    return idempotency.once(key, caller, "POST /api/grid/imports\n" + text, ImportView.class,
                            () -> imports.submit(document, text, caller).map(report -> ResponseEntity.accepted()
                                    .location(URI.create("/api/grid/imports/" + report.id()))
                                    .body(ImportView.of(report))));
                })
                .doOnNext(response -> runner.start(response.getBody().id()))
                // once finished: 200 with the report, keeping the headers (Location; Idempotent-Replayed on a repeat)
                .flatMap(response -> wait == 0 ? Mono.just(response)
                        : finished(response.getBody().id(), caller, Duration.ofSeconds(wait))
                                .map(report -> ResponseEntity.ok().headers(response.getHeaders()).body(report))
                                .defaultIfEmpty(response));
    }

    /** The import's report once it is finished, polling the way a client would; empty if it is still running by then. */
    private Mono<ImportView> finished(UUID id, Caller caller, Duration wait) {
        // one look at a time, the next one a poll interval after the last answer: a slow database
        // delays the polling instead of overflowing a ticking interval
        return Mono.defer(() -> imports.find(id, caller))
                .filter(report -> report.status().isFinal())
                .repeatWhenEmpty(attempts -> attempts.delayElements(POLL))
                .map(ImportView::of)
                .timeout(wait, Mono.empty());
    }

    private Mono<String> read(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), maxDocumentBytes)
                .map(buffer -> {
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return text;
                })
                .onErrorMap(DataBufferLimitException.class, e -> new ProblemException(HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large", "An import document may be at most " + maxDocumentBytes + " bytes."))
                .defaultIfEmpty("");
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getImport",
            summary = "An import's progress, then its report: counts per section, or the problems that refused it")
    Mono<ImportView> get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return imports.find(id, caller).map(ImportView::of);
    }

    /** The report as JSON; {@code requestedBy} stays inside. */
    record ImportView(UUID id, String status, UUID communityId, Progress progress,
                      Map<String, SectionCounts> summary, List<ImportProblem> problems, int problemCount,
                      Instant createdAt, Instant finishedAt) {

        record Progress(int done, int total) {
        }

        static ImportView of(ImportReport report) {
            return new ImportView(report.id(), report.status().name(), report.communityId().orElse(null),
                    new Progress(report.rowsDone(), report.rowsTotal()), report.summary(), report.problems(),
                    report.problemCount(), report.createdAt(), report.finishedAt().orElse(null));
        }
    }
}
