package org.gridgov.local.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The grid structure of 太平街社区 (涪陵区 › 敦仁街道) as the seed report describes it, as a grid-service
 * import document: 10 grids (7 小区网格, 3 商圈网格), 44 micro-grids, about 4,000 households and shops,
 * 100 党员中心户, a full 一长六员 per grid and a chief per micro-grid. Everything is derived from
 * fixed lists, so every launch sends the same document and re-importing it changes nothing. The
 * district, the community and grid 1 carry the ids the demo personas' tokens name.
 */
final class TaipingjieCommunity {

    /** A residential grid is one 小区 behind a door number; each of its micro-grids is one building. */
    private record Compound(String name, String road, int door) {
    }

    /** A commercial grid is a stretch of shops along a road, from a first door number. */
    private record ShoppingStreet(String name, String road, int firstDoor) {
    }

    private static final List<Compound> COMPOUNDS = List.of(
            new Compound("太平花园", "太平街", 18), new Compound("锦江苑", "兴华中路", 66),
            new Compound("望江小区", "滨江路", 9), new Compound("白鹤小区", "白鹤路", 21),
            new Compound("榨菜厂宿舍", "太平街", 102), new Compound("兴华苑", "兴华中路", 128),
            new Compound("中山花园", "中山路", 45));
    private static final List<ShoppingStreet> SHOPPING_STREETS = List.of(
            new ShoppingStreet("太平街商圈", "太平街", 200), new ShoppingStreet("兴华中路商圈", "兴华中路", 300),
            new ShoppingStreet("中山路商圈", "中山路", 100));
    private static final List<String> GRID_ROLES = List.of("GRID_CHIEF", "PARTY_INSTRUCTOR", "SAFETY_SANITATION",
            "MEDIATOR", "FIREFIGHTER", "POLICE", "PATROLLER");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文";

    /** Hub households are named after people other than the staff. */
    private static final int HUB_PEOPLE = 500;
    static final int BUILDINGS_PER_COMPOUND = 5;
    static final int UNITS = 4;
    static final int FLOORS = 6;
    static final int ROOMS_PER_FLOOR = 4;
    static final int SHOP_STRETCHES = 3;
    static final int SHOPS_PER_STRETCH = 71;

    private TaipingjieCommunity() {
    }

    /** The document as JSON-ready maps and lists. */
    static Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("district", area(Persona.Ids.DISTRICT, "涪陵区"));
        document.put("street", area(null, "敦仁街道"));
        document.put("community", area(Persona.Ids.COMMUNITY, "太平街社区"));
        List<Object> grids = new ArrayList<>();
        List<Object> microGrids = new ArrayList<>();
        List<Object> hubs = new ArrayList<>();
        List<Object> households = new ArrayList<>();
        List<Object> staff = new ArrayList<>();
        int grid = 0;
        for (Compound compound : COMPOUNDS) {
            String code = gridCode(++grid);
            grids.add(row("id", grid == 1 ? Persona.Ids.GRID_1 : null, "code", code, "name", "第" + grid + "网格·" + compound.name(),
                    "kind", "RESIDENTIAL"));
            for (int building = 1; building <= BUILDINGS_PER_COMPOUND; building++) {
                String microGrid = code + "-" + building;
                microGrids.add(row("code", microGrid, "grid", code, "name", compound.name() + building + "栋"));
                // two hubs per building: the party members' households of the lower and the upper floors
                for (int half = 0; half < 2; half++) {
                    hubs.add(row("code", hubCode(hubs.size() + 1), "microGrid", microGrid,
                            "name", person(HUB_PEOPLE + hubs.size()) + "家党员中心户"));
                }
                String lowerHub = hubCode(hubs.size() - 1);
                String upperHub = hubCode(hubs.size());
                for (int unit = 1; unit <= UNITS; unit++) {
                    for (int floor = 1; floor <= FLOORS; floor++) {
                        for (int room = 1; room <= ROOMS_PER_FLOOR; room++) {
                            String address = compound.road() + compound.door() + "号" + compound.name() + building + "栋"
                                    + unit + "单元" + (floor * 100 + room) + "室";
                            // a hub links the 24 households of its floors in the first two stairwells
                            String hub = unit <= 2 ? (floor <= 3 ? lowerHub : upperHub) : null;
                            households.add(row("address", address, "kind", "RESIDENT", "microGrid", microGrid, "hub", hub));
                        }
                    }
                }
                staff.add(chief(microGrid, staff.size()));
            }
            staff.addAll(gridStaff(code, staff.size()));
        }
        int stretchIndex = 0;
        for (ShoppingStreet street : SHOPPING_STREETS) {
            String code = gridCode(++grid);
            grids.add(row("code", code, "name", "第" + grid + "网格·" + street.name(), "kind", "COMMERCIAL"));
            for (int stretch = 1; stretch <= SHOP_STRETCHES; stretch++) {
                String microGrid = code + "-" + stretch;
                int firstDoor = street.firstDoor() + (stretch - 1) * SHOPS_PER_STRETCH;
                microGrids.add(row("code", microGrid, "grid", code,
                        "name", street.road() + firstDoor + "–" + (firstDoor + SHOPS_PER_STRETCH - 1) + "号"));
                // 30 hubs over 9 stretches: four on the first three, three on the others
                int hubCount = stretchIndex++ < 3 ? 4 : 3;
                int firstHub = hubs.size() + 1;
                for (int h = 0; h < hubCount; h++) {
                    hubs.add(row("code", hubCode(hubs.size() + 1), "microGrid", microGrid,
                            "name", person(HUB_PEOPLE + hubs.size()) + "商户党员中心户"));
                }
                for (int shop = 0; shop < SHOPS_PER_STRETCH; shop++) {
                    String hub = hubCode(firstHub + shop * hubCount / SHOPS_PER_STRETCH);
                    households.add(row("address", street.road() + (firstDoor + shop) + "号", "kind", "SHOP",
                            "microGrid", microGrid, "hub", hub));
                }
                staff.add(chief(microGrid, staff.size()));
            }
            staff.addAll(gridStaff(code, staff.size()));
        }
        document.put("grids", grids);
        document.put("microGrids", microGrids);
        document.put("hubHouseholds", hubs);
        document.put("households", households);
        document.put("staff", staff);
        return document;
    }

    private static List<Object> gridStaff(String grid, int people) {
        List<Object> staff = new ArrayList<>();
        for (String role : GRID_ROLES) {
            staff.add(row("grid", grid, "role", role, "personId", personId(grid + "/" + role),
                    "name", person(people + staff.size())));
        }
        return staff;
    }

    private static Map<String, Object> chief(String microGrid, int people) {
        return row("microGrid", microGrid, "role", "MICRO_GRID_CHIEF", "personId", personId(microGrid + "/chief"),
                "name", person(people));
    }

    private static Map<String, Object> area(String id, String name) {
        return row("id", id, "name", name);
    }

    /** A map of the given key/value pairs, leaving out null values. */
    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                row.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return row;
    }

    private static String gridCode(int grid) {
        return String.format("G%02d", grid);
    }

    private static String hubCode(int hub) {
        return String.format("H%03d", hub);
    }

    /** A different, stable name for every n. */
    private static String person(int n) {
        return "" + SURNAMES.charAt(n % SURNAMES.length()) + GIVEN.charAt(n / SURNAMES.length() % GIVEN.length())
                + GIVEN.charAt((n * 7 + 3) % GIVEN.length());
    }

    private static String personId(String role) {
        return UUID.nameUUIDFromBytes(("gridgov-demo:staff:" + role).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
