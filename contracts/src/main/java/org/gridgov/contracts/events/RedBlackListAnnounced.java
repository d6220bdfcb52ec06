package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.redblacklist.announced.v1}: Red/black list announced. An admin announced a community's
 * quarterly red/black list (红黑榜通报) of its member units: each unit's placement and the rule that placed it.
 * A later announcement of the same quarter replaces an earlier one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedBlackListAnnounced(UUID announcementId, UUID communityId, String quarter, List<Entry> entries,
                                    Instant occurredAt) implements Event {

    public record Entry(UUID unitId, Placement placement, String rule, String reason) {
    }

    public enum Placement { RED, BLACK, NONE }
}
