package org.gridgov.grid.importing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportDocument.GridRow;
import org.gridgov.grid.importing.domain.ImportDocument.HouseholdRow;
import org.gridgov.grid.importing.domain.ImportDocument.HubRow;
import org.gridgov.grid.importing.domain.ImportDocument.MicroGridRow;
import org.gridgov.grid.importing.domain.ImportDocument.StaffRow;

/**
 * Object mother of import documents: a small community with every kind of row. Each document gets
 * names of its own (district, street, community, road), so tests sharing a database never collide:
 * addresses are unique in the whole district.
 *
 * <pre>
 * G1 RESIDENTIAL: G1-1 (building 1: 6 households, 3 linked to hub H1), G1-2 (building 2: 6, 2 linked to H2)
 * G2 COMMERCIAL:  G2-1 (4 shops at door numbers 20–23)
 * staff: 一长六员 for G1 and G2, a chief for each micro-grid (17 roles)
 * </pre>
 */
public final class CommunityDocuments {

    public static final List<String> GRID_ROLES = List.of("GRID_CHIEF", "PARTY_INSTRUCTOR", "SAFETY_SANITATION",
            "MEDIATOR", "FIREFIGHTER", "POLICE", "PATROLLER");
    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";

    private CommunityDocuments() {
    }

    /** Han-only names the address normaliser treats as a place: {@code 丙甲癸丁街}. */
    public static String uniqueName(String suffix) {
        long n = ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
        StringBuilder name = new StringBuilder();
        for (char digit : Long.toString(n).toCharArray()) {
            name.append(STEMS.charAt(digit - '0'));
        }
        return name + suffix;
    }

    /** The road of a document's households, for writing its addresses in tests. */
    public static String road(ImportDocument document) {
        String first = document.households().get(0).address();
        return first.substring(0, first.indexOf("1号"));
    }

    public static ImportDocument community() {
        return community(new Area(null, uniqueName("区")), new Area(null, uniqueName("街道")),
                new Area(null, uniqueName("社区")));
    }

    public static ImportDocument community(Area district, Area street, Area community) {
        String road = uniqueName("路");
        List<HouseholdRow> households = new ArrayList<>();
        building(households, road, 1, "G1-1", "H1", 3);
        building(households, road, 2, "G1-2", "H2", 2);
        for (int door = 20; door <= 23; door++) {
            households.add(new HouseholdRow(road + door + "号", "SHOP", "G2-1", null));
        }
        List<StaffRow> staff = new ArrayList<>();
        for (String grid : List.of("G1", "G2")) {
            for (String role : GRID_ROLES) {
                staff.add(new StaffRow(grid, null, role, person(grid + role).toString(), null, "员工" + grid + role.length()));
            }
        }
        for (String microGrid : List.of("G1-1", "G1-2", "G2-1")) {
            staff.add(new StaffRow(null, microGrid, "MICRO_GRID_CHIEF", person(microGrid).toString(), null, "微网格长" + microGrid));
        }
        return new ImportDocument(district, street, community,
                List.of(new GridRow(null, "G1", "一网格 锦江苑", "RESIDENTIAL"), new GridRow(null, "G2", "二网格 商圈", "COMMERCIAL")),
                List.of(new MicroGridRow(null, "G1-1", "G1", "一栋"), new MicroGridRow(null, "G1-2", "G1", "二栋"),
                        new MicroGridRow(null, "G2-1", "G2", "商铺")),
                List.of(new HubRow(null, "H1", "G1-1", "张家党员中心户", null), new HubRow(null, "H2", "G1-2", "李家党员中心户", null)),
                households, staff);
    }

    /** Building {@code number} at door 1 of the road: 2 stairwells × 3 rooms, the first {@code linked} linked to the hub. */
    private static void building(List<HouseholdRow> households, String road, int number, String microGrid, String hub,
                                 int linked) {
        int index = 0;
        for (int unit = 1; unit <= 2; unit++) {
            for (int room = 101; room <= 103; room++) {
                households.add(new HouseholdRow(road + "1号" + number + "栋" + unit + "单元" + room + "室", "RESIDENT",
                        microGrid, index++ < linked ? hub : null));
            }
        }
    }

    public static UUID person(String name) {
        return UUID.nameUUIDFromBytes(("person:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ImportDocument withHouseholds(ImportDocument document, UnaryOperator<List<HouseholdRow>> change) {
        return new ImportDocument(document.district(), document.street(), document.community(), document.grids(),
                document.microGrids(), document.hubHouseholds(), change.apply(new ArrayList<>(document.households())),
                document.staff());
    }

    public static ImportDocument withMicroGrids(ImportDocument document, UnaryOperator<List<MicroGridRow>> change) {
        return new ImportDocument(document.district(), document.street(), document.community(), document.grids(),
                change.apply(new ArrayList<>(document.microGrids())), document.hubHouseholds(), document.households(),
                document.staff());
    }

    public static ImportDocument withGrids(ImportDocument document, UnaryOperator<List<GridRow>> change) {
        return new ImportDocument(document.district(), document.street(), document.community(),
                change.apply(new ArrayList<>(document.grids())), document.microGrids(), document.hubHouseholds(),
                document.households(), document.staff());
    }

    public static ImportDocument withStaff(ImportDocument document, UnaryOperator<List<StaffRow>> change) {
        return new ImportDocument(document.district(), document.street(), document.community(), document.grids(),
                document.microGrids(), document.hubHouseholds(), document.households(),
                change.apply(new ArrayList<>(document.staff())));
    }
}
