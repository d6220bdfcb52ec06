package org.gridgov.system.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridgov.infra.TokenRequest;
import org.gridgov.local.service.ServiceSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small community of its own for one test class, imported through the gateway like any district
 * does it: its grids (one micro-grid each) with a few households, under a district and street kept
 * for the system tests. Being alone in it lets a test count exactly (KPIs, wishes per grid). Units
 * and party members join it on demand; tokens for everyone who acts in it.
 */
public final class TestCommunity {

    public static final String DISTRICT = nameUuid("district");
    public static final String STREET = nameUuid("street");
    /** A second street of the district, for tests that need two jurisdictions apart below the district. */
    public static final String OTHER_STREET = nameUuid("other-street");
    /**
     * What a service answers about an address, unit or member its read models have not received yet,
     * and what the gateway answers when a service (just started, on a busy machine) is slow.
     */
    private static final List<Integer> NOT_YET_KNOWN = List.of(400, 403, 404, 422, 502, 503, 504);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);
    private static final String TAG_CHARACTERS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    private static final AtomicInteger COMMUNITIES = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.shared();

    /** A grid of the community with the addresses of its households. */
    public record Grid(String id, String code, String microGridId, List<String> addresses) {
    }

    private final SystemPlatform platform;
    private final String id;
    private final String name;
    private final List<Grid> grids;
    private final Map<String, Object> document;
    private final String importId;

    private TestCommunity(SystemPlatform platform, String id, String name, List<Grid> grids, Map<String, Object> document,
                          String importId) {
        this.platform = platform;
        this.id = id;
        this.name = name;
        this.grids = grids;
        this.document = document;
        this.importId = importId;
    }

    /** Imports a new community with this many grids and households per grid, and waits until the import is applied. */
    public static TestCommunity create(SystemPlatform platform, int gridCount, int householdsPerGrid) {
        return create(platform, STREET, gridCount, householdsPerGrid);
    }

    /** The same, in the given street of the district ({@link #STREET} or {@link #OTHER_STREET}). */
    public static TestCommunity create(SystemPlatform platform, String street, int gridCount, int householdsPerGrid) {
        int number = COMMUNITIES.incrementAndGet();
        String tag = "" + TAG_CHARACTERS.charAt(number / TAG_CHARACTERS.length() % TAG_CHARACTERS.length())
                + TAG_CHARACTERS.charAt(number % TAG_CHARACTERS.length());
        String id = UUID.randomUUID().toString();
        String name = "系统测试" + tag + "社区";
        List<Grid> grids = new ArrayList<>();
        List<Object> gridRows = new ArrayList<>();
        List<Object> microGridRows = new ArrayList<>();
        List<Object> households = new ArrayList<>();
        for (int g = 1; g <= gridCount; g++) {
            String code = String.format("G%02d", g);
            Grid grid = new Grid(UUID.randomUUID().toString(), code, UUID.randomUUID().toString(), new ArrayList<>());
            gridRows.add(Map.of("id", grid.id(), "code", code, "name", "第" + g + "网格", "kind", "RESIDENTIAL"));
            microGridRows.add(Map.of("id", grid.microGridId(), "code", code + "-1", "grid", code, "name", "第" + g + "网格1栋"));
            for (int h = 1; h <= householdsPerGrid; h++) {
                String address = "测试" + tag + "路" + (g * 100 + h) + "号";
                grid.addresses().add(address);
                households.add(Map.of("address", address, "kind", "RESIDENT", "microGrid", code + "-1"));
            }
            grids.add(new Grid(grid.id(), code, grid.microGridId(), List.copyOf(grid.addresses())));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("district", Map.of("id", DISTRICT, "name", "系统测试区"));
        document.put("street", Map.of("id", street, "name", street.equals(STREET) ? "系统测试街道" : "系统测试另一街道"));
        document.put("community", Map.of("id", id, "name", name));
        document.put("grids", gridRows);
        document.put("microGrids", microGridRows);
        document.put("households", households);
        ApiResponse imported = platform.as(TokenRequest.of("system-district-admin", "DISTRICT_ADMIN").withJurisdiction(DISTRICT))
                .post("/api/grid/imports?wait=120", JSON.writeValueAsString(document)).expect(200, 202);
        if (!imported.field("status").equals("APPLIED")) {
            throw new IllegalStateException("the import of " + name + " was not applied: " + imported);
        }
        return new TestCommunity(platform, id, name, List.copyOf(grids), Map.copyOf(document), imported.field("id"));
    }

    /** The import document that created the community; sent again, it changes nothing. */
    public Map<String, Object> document() {
        return document;
    }

    public String importId() {
        return importId;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Grid> grids() {
        return grids;
    }

    public SystemPlatform platform() {
        return platform;
    }

    public ApiClient admin() {
        return platform.as(TokenRequest.of("admin-" + id, "COMMUNITY_ADMIN").withJurisdiction(id));
    }

    public ApiClient staff(Grid grid) {
        return platform.as(TokenRequest.of("staff-" + grid.id(), "GRID_STAFF").withJurisdiction(grid.id()));
    }

    /** A resident; each subject sees only their own wishes. */
    public ApiClient resident(String subject) {
        return platform.as(TokenRequest.of(subject, "RESIDENT"));
    }

    public ApiClient unit(String unitId) {
        return platform.as(TokenRequest.of("unit-" + unitId, "UNIT").withUnit(unitId));
    }

    /** A party member claiming in person (a "red partner"). */
    public ApiClient partyMember(String memberId) {
        return platform.as(TokenRequest.of("member-" + memberId, "PARTY_MEMBER").withMember(memberId));
    }

    /**
     * A member unit joins the community's Grand Party Committee (once member-service has heard of
     * the community) and publishes this year's resources for it.
     */
    public String joinUnit(String unitName, String... categories) {
        return joinUnit(Map.of("name", unitName, "kind", "SOCIAL_ORGANISATION", "communityIds", List.of(id)), categories);
    }

    /** A member unit whose contact (党组织书记) gave this phone, offering these categories. */
    public String joinUnitWithContact(String unitName, String phone, String... categories) {
        return joinUnit(Map.of("name", unitName, "kind", "SOCIAL_ORGANISATION", "communityIds", List.of(id),
                "contacts", List.of(Map.of("name", unitName + "书记", "role", "党组织书记", "phone", phone))), categories);
    }

    private String joinUnit(Map<String, Object> unitBody, String... categories) {
        String unitName = unitBody.get("name").toString();
        String body = JSON.writeValueAsString(unitBody);
        String unit = onceKnown(admin(), "/api/units", body).expect(201).field("id");
        List<Object> items = new ArrayList<>();
        for (String category : categories) {
            items.add(Map.of("category", category, "title", unitName + "·" + category, "capacity", 50, "area", List.of(id)));
        }
        if (!items.isEmpty()) {
            admin().put("/api/units/" + unit + "/resource-lists/" + Year.now(ZoneOffset.UTC), JSON.writeValueAsString(
                    Map.of("items", items))).expect(200);
        }
        return unit;
    }

    /** A resident party member of the community. */
    public String registerMember(String memberName) {
        String body = JSON.writeValueAsString(Map.of("name", memberName, "kind", "RESIDENT", "communityId", id));
        return onceKnown(admin(), "/api/members", body).expect(201).field("id");
    }

    /**
     * Waits until wish-service has heard (from member.events) of these units and party members:
     * before that it refuses their claims as if they were strangers to the community.
     */
    public void awaitKnownToWishService(String... unitsAndMembers) {
        Set<String> wanted = Set.of(unitsAndMembers);
        Convergence convergence = new Convergence(platform);
        Set<String> known = Convergence.eventually(CATCH_UP, () -> {
            Set<String> found = new HashSet<>();
            convergence.query(ServiceSpec.WISH, "select member_id from community_member where community_id = '" + id + "'",
                    row -> found.add(row.getString(1)));
            return found;
        }, found -> found.containsAll(wanted));
        if (!known.containsAll(wanted)) {
            throw new IllegalStateException("wish-service has not heard of " + wanted + " in " + name + " after " + CATCH_UP);
        }
    }

    /**
     * POSTs a command until the receiving service's read models know what it refers to (the
     * community's households, units and members arrive there as events a moment later), or until the
     * gateway stops giving up on a service still warming up; every attempt carries the same
     * idempotency key, so a command the service did carry out is never carried out twice. The answer
     * after that is returned as it is.
     */
    public static ApiResponse onceKnown(ApiClient caller, String path, String json) {
        String key = UUID.randomUUID().toString();
        return onceKnown(() -> caller.post(path, json, key));
    }

    /** The same for a read, which is safe to repeat as it is. */
    public static ApiResponse onceKnown(java.util.function.Supplier<ApiResponse> call) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            ApiResponse response = call.get();
            if (!NOT_YET_KNOWN.contains(response.status()) || System.nanoTime() > deadline) {
                return response;
            }
            sleep(500);
        }
    }

    /** Thread.sleep for tests: an interrupt ends the test with an exception. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(("gridgov-system-tests:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
