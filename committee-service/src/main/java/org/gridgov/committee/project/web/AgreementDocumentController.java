package org.gridgov.committee.project.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.gridgov.committee.project.ProjectService;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The claim agreement printable (项目认领书, {@code Accept: application/pdf}): the same content and the same masking
 * as its JSON document ({@link ProjectController}), with the community's and the unit's names.
 */
@RestController
record AgreementDocumentController(ProjectService service, AgreementPdf pdf) {

    @GetMapping(path = "/api/projects/{id}/agreement", produces = AgreementPdf.MEDIA_TYPE)
    @Operation(operationId = "printAgreement", summary = "The claim agreement (项目认领书) as a printable PDF")
    Mono<ResponseEntity<byte[]>> print(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.printable(id, caller)
                // rendering reads the font file: off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(pdf::render)
                .map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename("agreement-" + id + ".pdf").build().toString())
                        .body(bytes));
    }
}
