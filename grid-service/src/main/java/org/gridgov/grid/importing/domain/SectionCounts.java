package org.gridgov.grid.importing.domain;

/** How many rows of one kind an import created, changed and found already as written. */
public record SectionCounts(int created, int updated, int unchanged) {

    public static final SectionCounts NONE = new SectionCounts(0, 0, 0);

    public SectionCounts plus(SectionCounts other) {
        return new SectionCounts(created + other.created, updated + other.updated, unchanged + other.unchanged);
    }
}
