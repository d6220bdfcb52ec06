package org.gridgov.fieldwork.visit.domain;

import java.util.List;
import java.util.UUID;

/** How well the visits of a period covered the households below a node: per micro-grid and per staff member. */
public record Coverage(UUID node, List<MicroGrid> microGrids, List<Staff> staff) {

    /** A micro-grid's households, how many were visited, and the share (0 when it has none). */
    public record MicroGrid(UUID microGridId, String name, long households, long visited, double share) {

        public static MicroGrid of(UUID microGridId, String name, long households, long visited) {
            return new MicroGrid(microGridId, name, households, visited,
                    households == 0 ? 0 : Math.round(1000.0 * visited / households) / 1000.0);
        }
    }

    public record Staff(String staff, long visits, long households) {
    }
}
