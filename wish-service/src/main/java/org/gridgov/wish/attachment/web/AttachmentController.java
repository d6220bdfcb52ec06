package org.gridgov.wish.attachment.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.Page;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.wish.attachment.Attachments;
import org.gridgov.wish.attachment.domain.Attachment;
import org.gridgov.wish.attachment.domain.Photo;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Photos of a wish (docs/api.md, "Wishes and needs"). */
@RestController
@Tag(name = "Wishes", description = "微心愿: order → dispatch → claim → close")
record AttachmentController(Attachments attachments, Idempotency idempotency) {

    record AttachmentView(UUID id, UUID wishId, String contentType, int size, String uploadedByRole, Instant uploadedAt,
                          String url) {

        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.wishId(), a.contentType(), a.size(), a.uploadedByRole(), a.uploadedAt(),
                    a.path());
        }
    }

    @GetMapping(path = "/api/wishes/{id}/attachments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listWishPhotos", summary = "The wish's photos, oldest first, for those who may see the wish")
    Mono<Page<AttachmentView>> list(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return attachments.list(caller, id).map(all -> new Page<>(all.stream().map(AttachmentView::of).toList(), null));
    }

    @PostMapping(path = "/api/wishes/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "addWishPhoto", summary = "The resident, grid staff or the claimer add a photo (part file:"
            + " JPEG or PNG by its bytes, at most 5 MB); its metadata (GPS EXIF) is stripped")
    @ProblemResponses({409, 413, 415})
    Mono<ResponseEntity<AttachmentView>> add(@PathVariable UUID id, @RequestPart(name = "file", required = false) Mono<FilePart> file,
                                             @AuthenticationPrincipal Caller caller,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        requireWriteScope(caller);
        return file.switchIfEmpty(Mono.error(() -> ProblemException.invalidField("file", "expected a JPEG or PNG photo"
                        + " in the multipart part named file")))
                .flatMap(part -> DataBufferUtils.join(part.content(), Photo.MAX_BYTES))
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new ProblemException(HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large", "file: a photo may be at most 5 MB")
                        .withErrors(List.of(new FieldError("file", "at most " + Photo.MAX_BYTES + " bytes"))))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .flatMap(bytes -> idempotency.created(key, caller, "POST /api/wishes/" + id + "/attachments\u0000" + sha256(bytes),
                        AttachmentView.class, () -> attachments.add(caller, id, bytes).map(AttachmentView::of),
                        AttachmentView::url));
    }

    @GetMapping("/api/wishes/{id}/attachments/{attachmentId}")
    @Operation(operationId = "getWishPhoto", summary = "A photo of the wish, for those who may see the wish")
    @ApiResponse(responseCode = "200", description = "the photo", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary", maxLength = Photo.MAX_BYTES)),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary", maxLength = Photo.MAX_BYTES))})
    Mono<ResponseEntity<byte[]>> get(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                     @AuthenticationPrincipal Caller caller) {
        return attachments.read(caller, id, attachmentId).map(stored -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.attachment().contentType()))
                .cacheControl(CacheControl.noStore())
                .body(stored.content()));
    }

    private static void requireWriteScope(Caller caller) {
        boolean onlyAnApp = caller.roles().size() == 1 && caller.has(Role.CLIENT);
        if (onlyAnApp && !caller.hasScope("wishes:write")) {
            throw ProblemException.forbidden("This client app lacks the scope wishes:write.");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
