package org.gridgov.grid.tree.persistence;

import java.util.Optional;
import java.util.UUID;

import org.gridgov.grid.tree.domain.NodeKind;

/** A search of live nodes; {@code after} is the (name, id) of the last node of the previous page. */
public record NodeSearch(Optional<NodeKind> kind, Optional<String> nameContains, Optional<UUID> parent,
                         Optional<After> after, int limit) {

    public record After(String name, UUID id) {
    }
}
