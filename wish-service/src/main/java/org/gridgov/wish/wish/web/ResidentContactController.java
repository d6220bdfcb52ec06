package org.gridgov.wish.wish.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.wish.WishQueries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Service to service, not routed by the gateway (so not in the public API): apps-service reads the phone of a wish's
 * resident at the moment it sends them a text message, with its own client token (scope {@code contacts:read}).
 */
@Hidden
@RestController
record ResidentContactController(WishQueries queries) {

    record Contact(String phone) {
    }

    @GetMapping(path = "/internal/wishes/{id}/resident-contact", produces = "application/json")
    Mono<Contact> residentContact(@PathVariable UUID id, @RequestParam String subject, @AuthenticationPrincipal Caller caller) {
        return queries.residentPhone(caller, id, subject).map(Contact::new)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("resident contact", id)));
    }
}
