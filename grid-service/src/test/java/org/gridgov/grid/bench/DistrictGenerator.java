package org.gridgov.grid.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportDocument.GridRow;
import org.gridgov.grid.importing.domain.ImportDocument.HouseholdRow;
import org.gridgov.grid.importing.domain.ImportDocument.HubRow;
import org.gridgov.grid.importing.domain.ImportDocument.MicroGridRow;
import org.gridgov.grid.importing.domain.ImportDocument.StaffRow;
import org.gridgov.grid.importing.domain.CommunityDocuments;

/**
 * A district of the size the platform is built for, one community document at a time: 20 streets ×
 * 10 communities × 10 grids (7 residential, 3 commercial) × 4 or 5 micro-grids, one building (or a
 * stretch of shops) per micro-grid with about 33 households, a hub household per micro-grid linking
 * 20 of them, 一长六员 per grid and a chief per micro-grid: about 300,000 households.
 */
final class DistrictGenerator {

    static final int STREETS = 20;
    static final int COMMUNITIES_PER_STREET = 10;
    static final int GRIDS_PER_COMMUNITY = 10;
    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";

    private final UUID districtId;
    private final String districtName;

    DistrictGenerator(UUID districtId, String districtName) {
        this.districtId = districtId;
        this.districtName = districtName;
    }

    /** Community {@code community} of street {@code street}; {@code addresses} hears every household's address and micro-grid code. */
    ImportDocument community(int street, int community, BiConsumer<String, String> addresses) {
        String road = han(street) + han(community) + "路";
        List<GridRow> grids = new ArrayList<>();
        List<MicroGridRow> microGrids = new ArrayList<>();
        List<HubRow> hubs = new ArrayList<>();
        List<HouseholdRow> households = new ArrayList<>();
        List<StaffRow> staff = new ArrayList<>();
        int door = 1;
        for (int g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
            boolean commercial = g > 7;
            String grid = "G" + g;
            grids.add(new GridRow(null, grid, "第" + g + "网格", commercial ? "COMMERCIAL" : "RESIDENTIAL"));
            for (String role : CommunityDocuments.GRID_ROLES) {
                staff.add(new StaffRow(grid, null, role, person(street, community, grid + role), null, "网格员" + g));
            }
            int microGridCount = (street + community + g) % 2 == 0 ? 4 : 5;
            for (int m = 1; m <= microGridCount; m++) {
                String microGrid = grid + "-" + m;
                String hub = "H" + g + "-" + m;
                microGrids.add(new MicroGridRow(null, microGrid, grid, g + "网格" + m + "微网格"));
                hubs.add(new HubRow(null, hub, microGrid, "党员中心户" + g + "-" + m, null));
                staff.add(new StaffRow(null, microGrid, "MICRO_GRID_CHIEF", person(street, community, microGrid), null,
                        "微网格长" + g + "-" + m));
                int size = 33 + (m % 2);
                for (int h = 0; h < size; h++) {
                    String address = commercial
                            ? road + (door + h) + "号"
                            : road + door + "号" + m + "栋" + (h % 2 + 1) + "单元" + (101 + h / 2) + "室";
                    households.add(new HouseholdRow(address, commercial ? "SHOP" : "RESIDENT", microGrid, h < 20 ? hub : null));
                    addresses.accept(address, microGrid);
                }
                if (commercial) {
                    door += size;
                }
            }
            if (!commercial) {
                door++;
            }
        }
        Area districtArea = new Area(districtId.toString(), districtName);
        return new ImportDocument(districtArea, new Area(null, han(street) + "街道"),
                new Area(null, han(street) + han(community) + "社区"), grids, microGrids, hubs, households, staff);
    }

    /** One community of 10,000 households in 100 buildings, for the "10,000 households in seconds". */
    ImportDocument largeCommunity(BiConsumer<String, String> addresses) {
        String road = "大" + han(STREETS) + "道";
        List<MicroGridRow> microGrids = new ArrayList<>();
        List<HouseholdRow> households = new ArrayList<>();
        for (int building = 1; building <= 100; building++) {
            String microGrid = "M" + building;
            microGrids.add(new MicroGridRow(null, microGrid, "G" + (1 + (building - 1) / 10), building + "栋"));
            for (int room = 0; room < 100; room++) {
                String address = road + "1号" + building + "栋" + (room % 4 + 1) + "单元" + (101 + room / 4) + "室";
                households.add(new HouseholdRow(address, "RESIDENT", microGrid, null));
                addresses.accept(address, microGrid);
            }
        }
        List<GridRow> grids = new ArrayList<>();
        for (int g = 1; g <= 10; g++) {
            grids.add(new GridRow(null, "G" + g, "第" + g + "网格", "RESIDENTIAL"));
        }
        return new ImportDocument(new Area(districtId.toString(), districtName), new Area(null, "大" + han(STREETS) + "街道"),
                new Area(null, "大" + han(STREETS) + "社区"), grids, microGrids, List.of(), households, List.of());
    }

    private static String person(int street, int community, String role) {
        return UUID.nameUUIDFromBytes(("bench:" + street + ":" + community + ":" + role).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** 0 → 甲甲, 17 → 乙庚: two Han digits, so that every name is a place the address normaliser keeps. */
    static String han(int n) {
        return "" + STEMS.charAt(n / 10 % 10) + STEMS.charAt(n % 10);
    }
}
