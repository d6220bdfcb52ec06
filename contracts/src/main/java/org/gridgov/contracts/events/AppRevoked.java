package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.app.revoked.v1}: Client app revoked. A district admin revoked a third-party client app:
 * every service refuses the app's tokens from now on, whatever their expiry. The appId is the app's OAuth
 * client id and the subject of its tokens.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppRevoked(UUID appId, Actor actor, Instant occurredAt) implements Event {
}
