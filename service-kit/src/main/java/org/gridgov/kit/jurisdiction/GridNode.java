package org.gridgov.kit.jurisdiction;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A node of the grid tree as another service knows it: enough to place things and check jurisdictions. */
public record GridNode(UUID id, String kind, String name, Optional<UUID> parentId, List<UUID> path,
                       Optional<String> gridKind, boolean retired) {

    /** True when this node is {@code ancestorOrSelf} or lies below it. */
    public boolean isWithin(UUID ancestorOrSelf) {
        return id.equals(ancestorOrSelf) || path.contains(ancestorOrSelf);
    }

}
