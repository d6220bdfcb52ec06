package org.gridgov.member.volunteer;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The identity provider's side of a resident registering themself as a volunteer: their account gets the role VOLUNTEER
 * and the claim {@code member} = the volunteer's id, so that their next token is the volunteer's (issue 19).
 */
public interface VolunteerAccounts {

    /** Off: a district's own IdP, where an administrator gives the role and the claim. */
    VolunteerAccounts NONE = (subject, volunteerId) -> Mono.just(Linked.NOT_LINKED);

    /**
     * Links the account {@code subject} (the token's {@code sub}) to the volunteer: {@link Linked#LINKED}, or
     * {@link Linked#NO_ACCOUNT} when the provider has no such account (a token from elsewhere); an account that is
     * another member's already is a 409, a provider that does not answer a 503 (both: nothing registered).
     */
    Mono<Linked> link(String subject, UUID volunteerId);

    enum Linked { LINKED, NO_ACCOUNT, NOT_LINKED }
}
