package org.gridgov.grid.importing.domain;

import java.util.List;

/**
 * A community's structure as an operator writes it: the district, street and community it lies in,
 * then flat lists whose rows refer to each other by code (a micro-grid names its grid's code).
 * Every value is text as written, so that a wrong value becomes a line of the import report
 * rather than an unreadable document. Ids are optional: given, they are used for new nodes.
 */
public record ImportDocument(Area district, Area street, Area community, List<GridRow> grids,
                             List<MicroGridRow> microGrids, List<HubRow> hubHouseholds, List<HouseholdRow> households,
                             List<StaffRow> staff) {

    public ImportDocument {
        grids = listOf(grids);
        microGrids = listOf(microGrids);
        hubHouseholds = listOf(hubHouseholds);
        households = listOf(households);
        staff = listOf(staff);
    }

    /** The district, street or community: found by name under its parent, created when new. */
    public record Area(String id, String name) {
    }

    public record GridRow(String id, String code, String name, String kind) {
    }

    public record MicroGridRow(String id, String code, String grid, String name) {
    }

    /** 党员中心户: {@code memberId} is the party member whose household it is, when known. */
    public record HubRow(String id, String code, String microGrid, String name, String memberId) {
    }

    /** {@code hub}: the code of the hub household linking it, if any. */
    public record HouseholdRow(String address, String kind, String microGrid, String hub) {
    }

    /**
     * A role holder: {@code grid} for 一长六员, {@code microGrid} for MICRO_GRID_CHIEF.
     * {@code personId} defaults to {@code memberId} when the person is a party member.
     */
    public record StaffRow(String grid, String microGrid, String role, String personId, String memberId, String name) {
    }

    public int rowCount() {
        return 3 + grids.size() + microGrids.size() + hubHouseholds.size() + households.size() + staff.size();
    }

    private static <T> List<T> listOf(List<T> rows) {
        return rows == null ? List.of() : rows.stream().toList();
    }
}
