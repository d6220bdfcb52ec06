package org.gridgov.matching.projectlist.domain;

import java.util.UUID;

/** How many projects a member unit takes on in the year: at least {@code min}, at most {@code max} (1–2 by default). */
public record UnitQuota(UUID unitId, int min, int max) {

    public UnitQuota {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("a unit's quota needs 0 <= min <= max, got " + min + ".." + max);
        }
    }
}
