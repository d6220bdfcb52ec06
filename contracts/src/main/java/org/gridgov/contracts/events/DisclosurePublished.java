package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.disclosure.published.v1}: Disclosure published. One of 四议两公开's two disclosures of a
 * community's deliberation — its resolution (决议公开) or its implementation result (实施结果公开) — was put on the
 * notice board; public, as a notice board is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosurePublished(UUID disclosureId, UUID deliberationId, UUID communityId, String kind, String title,
                                  String text, Instant occurredAt) implements Event {
}
