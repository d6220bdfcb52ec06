package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.app.credentials-issued.v1}: Client app credentials issued. A district admin issued (or
 * reissued) a client app's credentials: from now on the app's Open311 API key is the one whose SHA-256
 * (hex) is {@code apiKeySha256}, and earlier keys stop working. The key itself is never published; the
 * hash of a 256-bit random key cannot be reversed. Carries the app's scopes and jurisdiction (a grid-tree
 * node) so that a service accepting the key knows what the app may do and where.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppCredentialsIssued(UUID appId, Actor actor, Instant occurredAt, String name, List<String> scopes,
                                   UUID jurisdiction, String apiKeySha256) implements Event {
}
