package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.gridgov.local.service.ServiceSpec;
import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.gridgov.system.platform.Wishes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public API through the gateway as residents, grid staff, units, party members and admins use
 * it: wishes across grids through every path of the workflow, racing claims, escalation, points,
 * KPIs and candidates, checked through the API and, behind it, in the services' databases.
 */
class WorkflowIT {

    private static final Duration EVENTS = Duration.ofSeconds(60);

    private static SystemPlatform platform;
    private static Convergence convergence;

    @BeforeAll
    static void platform() {
        platform = SystemPlatform.shared();
        convergence = new Convergence(platform);
    }

    /** Where a wish of the workload is meant to end, and how it gets there. */
    enum Path {
        CLOSED_BY_UNIT, CLOSED_BY_MEMBER, REJECTED, CANCELLED, RELEASED_THEN_CLOSED_BY_ANOTHER_UNIT, LEFT_DISPATCHED
    }

    @Test
    void many_wishes_across_grids_end_where_their_path_leads_with_points_and_kpis_to_match() throws Exception {
        TestCommunity community = TestCommunity.create(platform, 3, 8);
        Wishes wishes = new Wishes(community);
        String unitA = community.joinUnit("系统测试志愿服务队A", "REPAIRS", "ELDERLY_CARE");
        String unitB = community.joinUnit("系统测试志愿服务队B", "REPAIRS", "EDUCATION");
        String memberX = community.registerMember("测试党员甲");
        String memberY = community.registerMember("测试党员乙");
        community.awaitKnownToWishService(unitA, unitB, memberX, memberY);

        Map<String, Path> paths = new ConcurrentHashMap<>();
        Map<String, Set<String>> servedBy = new ConcurrentHashMap<>();
        ExecutorService grids = Executors.newFixedThreadPool(community.grids().size());
        List<Future<?>> done = new ArrayList<>();
        for (TestCommunity.Grid grid : community.grids()) {
            done.add(grids.submit((Callable<Void>) () -> {
                for (int i = 0; i < grid.addresses().size(); i++) {
                    Path path = Path.values()[i % Path.values().length];
                    String resident = "resident-" + grid.code() + "-" + i;
                    String wish = wishes.order(resident, grid.addresses().get(i), i % 2 == 0 ? "REPAIRS" : "EDUCATION");
                    paths.put(wish, path);
                    walk(wishes, community, grid, resident, wish, path, unitA, unitB, memberX, memberY, servedBy);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        grids.shutdown();

        // every wish where its path leads, as its resident sees it
        Map<Path, String> finalStatus = Map.of(Path.CLOSED_BY_UNIT, "CLOSED", Path.CLOSED_BY_MEMBER, "CLOSED",
                Path.REJECTED, "REJECTED", Path.CANCELLED, "CANCELLED", Path.RELEASED_THEN_CLOSED_BY_ANOTHER_UNIT, "CLOSED",
                Path.LEFT_DISPATCHED, "DISPATCHED");
        ApiClient admin = community.admin();
        for (Map.Entry<String, Path> wish : paths.entrySet()) {
            assertThat(admin.get("/api/wishes/" + wish.getKey()).expect(200).field("status"))
                    .as("wish %s on path %s", wish.getKey(), wish.getValue()).isEqualTo(finalStatus.get(wish.getValue()));
        }

        // points: once per closed wish and member who served it
        for (String member : List.of(memberX, memberY)) {
            Set<String> expected = servedBy.getOrDefault(member, Set.of());
            List<String> causes = Convergence.eventually(EVENTS, () -> wishClosedCauses(admin, member),
                    found -> found.size() >= expected.size());
            assertThat(causes).as("WISH_CLOSED entries of member %s", member).hasSize(expected.size())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }

        // KPIs of the community: exactly what happened
        long total = paths.size();
        long closed = paths.values().stream().filter(path -> finalStatus.get(path).equals("CLOSED")).count();
        long neverDispatched = paths.values().stream().filter(path -> path == Path.REJECTED || path == Path.CANCELLED).count();
        JsonNode kpis = admin.get("/api/kpis?node=" + community.id()).expect(200).json();
        assertThat(kpis.path("submitted").asLong()).isEqualTo(total);
        assertThat(kpis.path("dispatched").asLong()).isEqualTo(total - neverDispatched);
        assertThat(kpis.path("claimed").asLong()).isEqualTo(closed);
        assertThat(kpis.path("closed").asLong()).isEqualTo(closed);
        assertThat(kpis.path("rated").asLong()).isEqualTo(closed);
        for (TestCommunity.Grid grid : community.grids()) {
            assertThat(community.staff(grid).get("/api/kpis?node=" + grid.id()).expect(200).json().path("submitted").asLong())
                    .as("wishes submitted in grid %s", grid.code()).isEqualTo(grid.addresses().size());
        }

        convergence.await();
    }

    @Test
    void racing_claims_on_a_wish_have_exactly_one_winner_and_the_others_get_409() throws Exception {
        TestCommunity community = TestCommunity.create(platform, 1, 5);
        Wishes wishes = new Wishes(community);
        TestCommunity.Grid grid = community.grids().get(0);
        List<String> units = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            units.add(community.joinUnit("系统测试抢单单位" + u, "REPAIRS"));
        }
        community.awaitKnownToWishService(units.toArray(String[]::new));

        ExecutorService claimers = Executors.newFixedThreadPool(units.size());
        for (int i = 0; i < grid.addresses().size(); i++) {
            String wish = wishes.order("racer-" + i, grid.addresses().get(i), "REPAIRS");
            wishes.dispatch(grid, wish, units).expect(200);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> claims = new ArrayList<>();
            for (String unit : units) {
                ApiClient client = community.unit(unit);
                claims.add(claimers.submit(() -> {
                    start.await();
                    return client.post("/api/wishes/" + wish + "/claim", null);
                }));
            }
            start.countDown();
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> claim : claims) {
                answers.add(claim.get());
            }
            Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
            assertThat(byStatus).as("answers to 4 simultaneous claims: %s", answers).isEqualTo(Map.of(200, 1L, 409, 3L));
            answers.stream().filter(answer -> answer.status() == 409)
                    .forEach(answer -> assertThat(answer.isProblem()).as("%s", answer).isTrue());
            String winner = units.get(answers.indexOf(answers.stream().filter(ApiResponse::isSuccess).findFirst().orElseThrow()));
            JsonNode claimer = community.staff(grid).get("/api/wishes/" + wish).expect(200).json().path("claimer");
            assertThat(claimer.path("id").asString()).isEqualTo(winner);
            assertThat(actions(community.admin(), wish)).as("the history").containsOnlyOnce("CLAIMED");
        }
        claimers.shutdown();
    }

    @Test
    void a_wish_nobody_dispatches_escalates_to_the_community_and_then_the_street() {
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        TestCommunity.Grid grid = community.grids().get(0);
        // REPAIRS keeps the short default deadlines the platform runs with (20 s a step and a level)
        String wish = new Wishes(community).order("waiting-resident", grid.addresses().get(0), "REPAIRS");
        ApiClient staff = community.staff(grid);

        JsonNode sla = Convergence.eventually(Duration.ofSeconds(90),
                () -> staff.get("/api/wishes/" + wish).expect(200).json().path("sla"),
                found -> found.path("level").asString().equals("STREET"));
        assertThat(sla.path("level").asString()).isEqualTo("STREET");
        assertThat(sla.path("escalated").asBoolean()).isTrue();
        assertThat(sla.path("missedDeadline").asBoolean()).isTrue();
        assertThat(actions(staff, wish)).containsSubsequence("SUBMITTED", "ESCALATED", "ESCALATED");
        assertThat(staff.get("/api/wishes/" + wish).json().path("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void candidates_for_a_submitted_wish_become_visible_from_matching_service() {
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        TestCommunity.Grid grid = community.grids().get(0);
        String offersRepairs = community.joinUnit("系统测试维修队", "REPAIRS");
        awaitKnownToMatchingService(offersRepairs);
        String wish = new Wishes(community).order("resident-with-leak", grid.addresses().get(0), "REPAIRS");

        ApiClient staff = community.staff(grid);
        ApiResponse candidates = Convergence.eventually(EVENTS,
                () -> staff.get("/api/matching/wishes/" + wish + "/candidates"),
                answer -> answer.isSuccess() && answer.body().contains(offersRepairs));
        assertThat(candidates.status()).as("%s", candidates).isEqualTo(200);
        assertThat(candidates.body()).contains(offersRepairs);
    }

    @Test
    void an_order_repeated_with_its_idempotency_key_is_answered_from_the_first_and_creates_one_wish() {
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        String address = community.grids().get(0).addresses().get(0);
        new Wishes(community).order("warm-up", address, "OTHER");
        ApiClient resident = community.resident("twice-resident");
        String body = "{\"category\":\"OTHER\",\"title\":\"重复提交\",\"address\":\"" + address
                + "\",\"contactPhone\":\"13900002222\"}";

        ApiResponse first = resident.post("/api/wishes", body, "system-repeat-1").expect(201);
        ApiResponse again = resident.post("/api/wishes", body, "system-repeat-1").expect(201);
        assertThat(again.field("id")).isEqualTo(first.field("id"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(resident.get("/api/wishes").expect(200).json().path("items")).hasSize(1);
        assertThat(resident.post("/api/wishes", body.replace("重复提交", "另一个"), "system-repeat-1").status()).isEqualTo(422);
    }

    private static void walk(Wishes wishes, TestCommunity community, TestCommunity.Grid grid, String resident, String wish,
            Path path, String unitA, String unitB, String memberX, String memberY, Map<String, Set<String>> servedBy) {
        switch (path) {
            case REJECTED -> wishes.reject(grid, wish).expect(200);
            case CANCELLED -> wishes.cancel(resident, wish).expect(200);
            default -> {
                wishes.dispatch(grid, wish, List.of(unitA, unitB)).expect(200);
                switch (path) {
                    case LEFT_DISPATCHED -> { }
                    case CLOSED_BY_UNIT -> {
                        wishes.claimAsUnit(unitA, wish).expect(200);
                        wishes.fulfil(community.unit(unitA), wish, List.of(memberX, memberY)).expect(200);
                        wishes.close(resident, wish, 5).expect(200);
                        served(servedBy, wish, memberX, memberY);
                    }
                    case CLOSED_BY_MEMBER -> {
                        wishes.claimAsMember(memberY, wish).expect(200);
                        wishes.fulfil(community.partyMember(memberY), wish, List.of()).expect(200);
                        wishes.close(resident, wish, 4).expect(200);
                        served(servedBy, wish, memberY);
                    }
                    case RELEASED_THEN_CLOSED_BY_ANOTHER_UNIT -> {
                        wishes.claimAsUnit(unitA, wish).expect(200);
                        wishes.release(community.unit(unitA), wish).expect(200);
                        wishes.claimAsUnit(unitB, wish).expect(200);
                        wishes.fulfil(community.unit(unitB), wish, List.of(memberX)).expect(200);
                        wishes.close(resident, wish, 3).expect(200);
                        served(servedBy, wish, memberX);
                    }
                    default -> throw new IllegalStateException(path.name());
                }
            }
        }
    }

    private static void served(Map<String, Set<String>> servedBy, String wish, String... members) {
        for (String member : members) {
            servedBy.computeIfAbsent(member, m -> ConcurrentHashMap.newKeySet()).add(wish);
        }
    }

    private static List<String> actions(ApiClient client, String wish) {
        List<String> actions = new ArrayList<>();
        client.get("/api/wishes/" + wish + "/history").expect(200).json().path("items")
                .forEach(entry -> actions.add(entry.path("action").asString()));
        return actions;
    }

    private static List<String> wishClosedCauses(ApiClient admin, String member) {
        List<String> causes = new ArrayList<>();
        for (JsonNode entry : admin.get("/api/points/accounts/" + member).expect(200).json().path("entries").path("items")) {
            if (entry.path("cause").asString().equals("WISH_CLOSED")) {
                causes.add(entry.path("causeId").asString());
            }
        }
        return causes;
    }

    private static void awaitKnownToMatchingService(String unit) {
        Map<String, Long> found = new HashMap<>();
        Convergence.eventually(EVENTS, () -> {
            found.put(unit, convergence.count(ServiceSpec.MATCHING,
                    "select count(*) from resource_item where unit_id = '" + unit + "'"));
            return found.get(unit);
        }, count -> count > 0);
        assertThat(found.get(unit)).as("resource items of unit %s in matching-service", unit).isPositive();
    }
}
