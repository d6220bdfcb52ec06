package org.gridgov.committee.publication.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.gridgov.committee.publication.PublicationService;
import org.gridgov.committee.publication.persistence.PublicationStore.Publication;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An admin publishes a computed project list version: its projects are offered, its unmatched needs opened. */
@RestController
@RequestMapping(path = "/api/projects/publications", produces = "application/json")
record PublicationController(PublicationService service, Idempotency idempotency) {

    record PublishRequest(@NotNull UUID projectListId) {
    }

    record PublicationView(UUID projectListId, UUID communityId, int year, int version, int offered, int opened,
                           int superseded, Instant publishedAt) {

        static PublicationView of(Publication publication) {
            return new PublicationView(publication.projectListId(), publication.communityId(), publication.year(),
                    publication.version(), publication.offered(), publication.opened(), publication.superseded(),
                    publication.publishedAt());
        }
    }

    /** 201 when this call published the version; 200 with the earlier publication when it had been published before. */
    @PostMapping
    Mono<ResponseEntity<PublicationView>> publish(@Valid @RequestBody PublishRequest request,
                                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                  @AuthenticationPrincipal Caller caller) {
        return idempotency.once(key, caller, "POST /api/projects/publications " + request, PublicationView.class,
                () -> service.publish(request.projectListId(), caller).map(outcome -> {
                    PublicationView view = PublicationView.of(outcome.publication());
                    return outcome.created()
                            ? ResponseEntity.created(URI.create("/api/projects?community=" + view.communityId()
                                    + "&year=" + view.year())).body(view)
                            : ResponseEntity.ok(view);
                }));
    }
}
