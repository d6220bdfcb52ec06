package org.gridgov.member.contact;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.member.Members;
import org.gridgov.member.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Service to service, not routed by the gateway (so not in the public API): apps-service reads a party member's or a
 * member unit's phone at the moment it texts them, with its own client token (scope {@code contacts:read}).
 */
@Hidden
@RestController
record ContactController(Members members, Units units) {

    record Contact(String phone) {
    }

    @GetMapping(path = "/internal/members/{id}/contact", produces = "application/json")
    Mono<Contact> memberContact(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return members.phoneToText(id, caller).map(Contact::new)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("party member's contact", id)));
    }

    @GetMapping(path = "/internal/units/{id}/contact", produces = "application/json")
    Mono<Contact> unitContact(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return units.phoneToText(id, caller).map(Contact::new)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("member unit's contact", id)));
    }
}
