package org.gridgov.system.faults;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.TestCommunity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents, staff, units and party members working through wishes, one after another, while a
 * fault test breaks the platform underneath them. Like a careful client app, each command is
 * repeated with the same {@code Idempotency-Key} while it gets no answer, a 5xx or a 429, so a
 * command that did commit before the answer was lost is answered from its first run and never
 * applied twice. Any other refusal is an anomaly the test reports.
 */
final class Workload {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration STEP_PATIENCE = Duration.ofMinutes(4);
    private static final long PAUSE_BETWEEN_WISHES_MS = 150;

    /** The paths a workload wish takes, in turn, and where each ends. */
    enum Path {
        CLOSED_BY_UNIT("CLOSED"), CLOSED_BY_MEMBER("CLOSED"), CANCELLED("CANCELLED"), REJECTED("REJECTED"),
        RELEASED_THEN_CLOSED("CLOSED");

        final String finalStatus;

        Path(String finalStatus) {
            this.finalStatus = finalStatus;
        }
    }

    private final TestCommunity community;
    private final String unit;
    private final String otherUnit;
    private final String member;
    private final List<URI> wishServiceReplicas;
    private final ConcurrentMap<String, Path> wishes = new ConcurrentHashMap<>();
    private final List<String> anomalies = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicInteger> transientAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger commands = new AtomicInteger();
    private volatile boolean stopping;
    private Thread thread;

    Workload(TestCommunity community, String unit, String otherUnit, String member) {
        this(community, unit, otherUnit, member, List.of());
    }

    /**
     * With {@code wishServiceReplicas}, commands take turns between the gateway and each of these
     * addresses of wish-service, so that one wish's commands are handled by different replicas.
     */
    Workload(TestCommunity community, String unit, String otherUnit, String member, List<URI> wishServiceReplicas) {
        this.community = community;
        this.unit = unit;
        this.otherUnit = otherUnit;
        this.member = member;
        this.wishServiceReplicas = List.copyOf(wishServiceReplicas);
    }

    void start() {
        stopping = false;
        thread = new Thread(this::run, "workload");
        thread.start();
    }

    /** Lets the wish in progress reach the end of its path, then stops. */
    void finish() throws InterruptedException {
        stopping = true;
        thread.join(STEP_PATIENCE.toMillis() * 2);
        if (thread.isAlive()) {
            throw new AssertionError("the workload did not finish its last wish");
        }
    }

    /** Each wish ordered and the status its path ends in. */
    Map<String, String> expectedStatuses() {
        Map<String, String> expected = new TreeMap<>();
        wishes.forEach((wish, path) -> expected.put(wish, path.finalStatus));
        return expected;
    }

    List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    /** How often each transient answer (0: none at all, 5xx, 429) came before a command went through. */
    Map<Integer, Integer> transientAnswers() {
        Map<Integer, Integer> counts = new TreeMap<>();
        transientAnswers.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    int commands() {
        return commands.get();
    }

    private void run() {
        int n = 0;
        while (!stopping) {
            TestCommunity.Grid grid = community.grids().get(n % community.grids().size());
            Path path = Path.values()[n % Path.values().length];
            String resident = "workload-resident-" + n;
            try {
                walk(grid, grid.addresses().get(n / community.grids().size() % grid.addresses().size()), resident, path);
            } catch (RuntimeException e) {
                anomalies.add("wish " + n + " on path " + path + ": " + e.getMessage());
            }
            n++;
            TestCommunity.sleep(PAUSE_BETWEEN_WISHES_MS);
        }
    }

    private void walk(TestCommunity.Grid grid, String address, String residentName, Path path) {
        ApiClient resident = community.resident(residentName);
        ApiClient staff = community.staff(grid);
        ApiClient unitA = community.unit(unit);
        ApiClient unitB = community.unit(otherUnit);
        ApiClient partyMember = community.partyMember(member);
        String wish = command(resident, "/api/wishes", JSON.writeValueAsString(Map.of("category", "REPAIRS",
                "title", "故障期间的心愿", "address", address, "contactPhone", "13900003333"))).field("id");
        if (wish.isEmpty()) {
            return;
        }
        wishes.put(wish, path);
        String at = "/api/wishes/" + wish + "/";
        switch (path) {
            case CANCELLED -> command(resident, at + "cancel", "{\"reason\":\"不需要了\"}");
            case REJECTED -> command(staff, at + "reject", "{\"reason\":\"不属于网格职责\"}");
            default -> {
                command(staff, at + "dispatch", JSON.writeValueAsString(Map.of("candidateUnits", List.of(unit, otherUnit))));
                ApiClient claimer = path == Path.CLOSED_BY_MEMBER ? partyMember : unitA;
                command(claimer, at + "claim", null);
                if (path == Path.RELEASED_THEN_CLOSED) {
                    command(claimer, at + "release", "{\"reason\":\"临时有事\"}");
                    claimer = unitB;
                    command(claimer, at + "claim", null);
                }
                List<String> served = path == Path.CLOSED_BY_MEMBER ? List.of() : List.of(member);
                command(claimer, at + "fulfil", JSON.writeValueAsString(Map.of("note", "完成", "servedMemberIds", served)));
                command(resident, at + "close", "{\"rating\":5}");
            }
        }
    }

    /** One command, repeated with its key until it is answered for good. */
    private ApiResponse command(ApiClient caller, String path, String body) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + STEP_PATIENCE.toNanos();
        int turn = commands.getAndIncrement() % (wishServiceReplicas.size() + 1);
        ApiClient client = turn == 0 ? caller : caller.at(wishServiceReplicas.get(turn - 1));
        while (true) {
            ApiResponse answer = client.post(path, body, key);
            if (answer.isSuccess()) {
                return answer;
            }
            boolean transientFailure = answer.status() == 0 || answer.status() >= 500 || answer.status() == 429;
            if (!transientFailure) {
                anomalies.add(answer.toString());
                return answer;
            }
            transientAnswers.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
            if (System.nanoTime() > deadline) {
                anomalies.add("still failing after " + STEP_PATIENCE + ": " + answer);
                return answer;
            }
            TestCommunity.sleep(250);
        }
    }
}
