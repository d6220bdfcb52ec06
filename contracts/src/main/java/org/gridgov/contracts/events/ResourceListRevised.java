package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.resourcelist.revised.v1}: Resource list revised. A member unit revised its resource
 * list; the event carries the whole list after revision.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceListRevised(UUID unitId, String period, int version, List<ResourceItem> items,
                                  Instant occurredAt) implements Event {
}
