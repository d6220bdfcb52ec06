package org.gridgov.wish.attachment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.attachment.domain.Attachment;
import org.gridgov.wish.attachment.domain.Photo;
import org.gridgov.wish.attachment.imaging.MetadataStripper;
import org.gridgov.wish.attachment.persistence.AttachmentStore;
import org.gridgov.wish.wish.WishQueries;
import org.gridgov.wish.wish.domain.ActorRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Photos of wishes: checked to be a JPEG or PNG by their bytes, drawn again without their metadata,
 * put in the object store, and listed with the wish; read back by whoever may see the wish.
 */
@Component
public record Attachments(WishQueries queries, AttachmentStore attachments, ObjectStore objects,
                          MetadataStripper stripper, Clock clock) {

    /** A photo and its bytes as stored. */
    public record Stored(Attachment attachment, byte[] content) {
    }

    public Mono<Attachment> add(Caller caller, UUID wishId, byte[] upload) {
        Photo.Kind kind = Photo.sniff(upload).orElseThrow(() -> new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type", "file: expected a JPEG or PNG photo")
                .withErrors(List.of(new FieldError("file", "expected a JPEG or PNG photo"))));
        return queries.find(caller, wishId)
                .map(seen -> seen.stored().wish().photographer(seen.actor()))
                .flatMap(role -> attachments.count(wishId).map(count -> {
                    if (count >= Photo.MAX_PER_WISH) {
                        throw new ProblemException(HttpStatus.CONFLICT, "too-many-photos", "file: a wish holds at most "
                                + Photo.MAX_PER_WISH + " photos and this one has them all")
                                .withErrors(List.of(new FieldError("file", "at most " + Photo.MAX_PER_WISH + " photos per wish")));
                    }
                    return role;
                }))
                .flatMap(role -> Mono.fromCallable(() -> stripper.strip(upload, kind))
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(stripped -> stripped.orElseThrow(() -> ProblemException.invalidField("file",
                                "expected a " + kind.name() + " photo of at most " + Photo.MAX_PIXELS / 1_000_000
                                        + " megapixels that can be read")))
                        .flatMap(clean -> store(caller, wishId, kind, role, clean)));
    }

    private Mono<Attachment> store(Caller caller, UUID wishId, Photo.Kind kind, ActorRole role,
                                                   byte[] clean) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Attachment attachment = new Attachment(UUID.randomUUID(), wishId,
                kind.mediaType(), clean.length, role.name(), at);
        // the bytes first: a row never points at nothing; bytes without a row (a failed commit) are never served
        return objects.put(attachment.key(), clean, kind.mediaType())
                .then(attachments.insert(attachment, caller.subject()))
                .thenReturn(attachment);
    }

    /** The wish's photos, for those who may see the wish. */
    public Mono<List<Attachment>> list(Caller caller, UUID wishId) {
        return queries.find(caller, wishId).then(attachments.of(wishId).collectList());
    }

    public Mono<Stored> read(Caller caller, UUID wishId, UUID id) {
        return queries.find(caller, wishId)
                .then(attachments.find(wishId, id))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment", id)))
                .flatMap(attachment -> objects.get(attachment.key())
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment", id)))
                        .map(content -> new Stored(attachment, content)));
    }
}
