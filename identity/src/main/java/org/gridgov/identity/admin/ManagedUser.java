package org.gridgov.identity.admin;

import java.time.Instant;
import java.util.List;

/**
 * An account as admins see and change it — never its password hash. {@code lineage}: the jurisdiction's ancestors
 * and itself as grid-service answered (null: not asked yet; empty: no such node).
 */
record ManagedUser(String username, String name, List<String> roles, String jurisdiction, String unit, String member,
                   String department, boolean enabled, boolean lockedByAdmin, Instant lockedUntil,
                   boolean passwordChangeRequired, Instant createdAt, Instant updatedAt, List<String> lineage) {

    ManagedUser {
        roles = List.copyOf(roles);
        lineage = lineage == null ? null : List.copyOf(lineage);
    }

    boolean lockedAt(Instant now) {
        return lockedByAdmin || (lockedUntil != null && now.isBefore(lockedUntil));
    }
}
