package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.resourcelist.published.v1}: Resource list published. A member unit published what it
 * offers for a period; the list replaces earlier versions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceListPublished(UUID unitId, String period, int version,
                                    List<ResourceItem> items, Instant occurredAt) implements Event {
}
