package org.gridgov.system.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.gridgov.infra.TokenRequest;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.gridgov.system.platform.Wishes;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * A campaign day (a 微心愿 drive): residents order wishes, grid staff dispatch them, member units
 * claim and fulfil them, residents close them with a rating, with reads mixed in — each virtual user
 * one wish's whole life, seven requests, and as soon as one user is done the next begins (a closed
 * model: throughput is what the platform sustains). The same commands run twice with the same
 * number of users, once through the gateway and once straight to wish-service, after a warm-up of
 * both, so that the gateway's cost shows as ratios measured in one run; beside the gateway phase, a
 * stream of one order a second, beside both phases, measures the event lag from a wish submitted to
 * its candidates visible at matching-service.
 */
public class CampaignDaySimulation extends Simulation {

    private static final int USERS = Integer.parseInt(System.getProperty("load.users", "8"));
    private static final Duration PHASE = Duration.ofSeconds(Long.parseLong(System.getProperty("load.seconds", "60")));
    private static final Duration WARM_UP = Duration.ofSeconds(Math.max(10, PHASE.toSeconds() / 3));
    private static final int GRIDS = 8;
    private static final int HOUSEHOLDS_PER_GRID = 40;
    private static final int RESIDENTS = 200;
    private static final int UNITS = 6;
    private static final String ORDER = "{\"category\":\"#{category}\",\"title\":\"负载测试心愿\",\"address\":\"#{address}\","
            + "\"contactPhone\":\"13800000000\",\"residentName\":\"负载测试\"}";
    private static final String[] CATEGORIES = {"ELDERLY_CARE", "REPAIRS", "HEALTH", "EDUCATION", "DONATION"};

    private final LoadFigures figures = new LoadFigures();
    private final SystemPlatform platform = SystemPlatform.shared();
    private final TestCommunity community = TestCommunity.create(platform, GRIDS, HOUSEHOLDS_PER_GRID);
    private final List<String> units = new ArrayList<>();
    private final List<String> unitTokens = new ArrayList<>();
    private final List<String> residentTokens = new ArrayList<>();
    private final Map<String, String> staffTokens = new HashMap<>();

    {
        for (int u = 1; u <= UNITS; u++) {
            String unit = community.joinUnit("负载测试单位" + u, CATEGORIES);
            units.add(unit);
            unitTokens.add(platform.token(TokenRequest.of("load-unit-" + u, "UNIT").withUnit(unit)));
        }
        for (int r = 1; r <= RESIDENTS; r++) {
            residentTokens.add(platform.token(TokenRequest.of("load-resident-" + r, "RESIDENT")));
        }
        community.grids().forEach(grid -> staffTokens.put(grid.id(), platform.token(
                TokenRequest.of("load-staff-" + grid.id(), "GRID_STAFF").withJurisdiction(grid.id()))));
        // wish-service's read models know the community and every unit once each unit has claimed a wish
        Wishes wishes = new Wishes(community);
        TestCommunity.Grid first = community.grids().get(0);
        for (String unit : units) {
            String wish = wishes.order("load-resident-1", first.addresses().get(0), "ELDERLY_CARE");
            wishes.dispatch(first, wish, List.of()).expect(200);
            wishes.claimAsUnit(unit, wish).expect(200);
        }

        HttpProtocolBuilder gateway = protocol(platform.gateway());
        HttpProtocolBuilder direct = protocol(platform.service(ServiceSpec.WISH));
        PopulationBuilder warmUp = campaignDay("warm-up-gateway", "warm-up").injectClosed(
                constantConcurrentUsers(USERS).during(WARM_UP)).protocols(gateway);
        PopulationBuilder warmUpDirect = campaignDay("warm-up-direct", "warm-up").injectClosed(
                constantConcurrentUsers(USERS).during(WARM_UP)).protocols(direct);
        PopulationBuilder throughGateway = campaignDay("gateway", "gateway").injectClosed(
                constantConcurrentUsers(USERS).during(PHASE)).protocols(gateway);
        // the same stream of measured orders beside both phases, so that both put the same load on the services
        PopulationBuilder lag = eventLag("event-lag").injectOpen(constantUsersPerSec(1).during(PHASE)).protocols(gateway);
        PopulationBuilder lagBesideDirect = eventLag("event-lag-beside-direct")
                .injectOpen(constantUsersPerSec(1).during(PHASE)).protocols(gateway);
        PopulationBuilder straight = campaignDay("direct", "direct").injectClosed(
                constantConcurrentUsers(USERS).during(PHASE)).protocols(direct);
        setUp(warmUp.andThen(warmUpDirect).andThen(throughGateway, lag).andThen(straight, lagBesideDirect));
    }

    @Override
    public void after() {
        System.out.printf("%n%d users, each one wish's life after another (7 requests), for %d s per phase, after %d s "
                + "of warm-up on each path%n", USERS, PHASE.toSeconds(), WARM_UP.toSeconds());
        System.out.println(figures.report("gateway", "direct"));
    }

    private static HttpProtocolBuilder protocol(URI base) {
        return http.baseUrl(base.toString().replaceAll("/$", ""))
                .acceptHeader("application/json, application/problem+json")
                .contentTypeHeader("application/json")
                .shareConnections();
    }

    /** One wish's whole life: order, read, dispatch, claim, fulfil, close, and the grid's list. */
    private ScenarioBuilder campaignDay(String name, String phase) {
        return scenario(name)
                .feed(people())
                .exec(session -> session.set("phase", phase))
                .exec(timed(http("order").post("/api/wishes").header("Authorization", "Bearer #{resident}")
                        .header("Idempotency-Key", "#{randomUuid()}")
                        .body(StringBody(ORDER))
                        .check(status().is(201), jsonPath("$.id").saveAs("wish"))))
                .exitHereIfFailed()
                .exec(timed(http("read").get("/api/wishes/#{wish}").header("Authorization", "Bearer #{resident}")
                        .check(status().is(200))))
                .exec(command("dispatch", "#{staff}", "{\"note\":\"请认领\"}"))
                .exitHereIfFailed()
                .exec(command("claim", "#{unit}", null))
                .exitHereIfFailed()
                .exec(command("fulfil", "#{unit}", "{\"note\":\"已上门完成\"}"))
                .exitHereIfFailed()
                .exec(command("close", "#{resident}", "{\"rating\":5,\"comment\":\"很满意\"}"))
                .exec(timed(http("list").get("/api/wishes?grid=#{grid}&limit=20").header("Authorization", "Bearer #{staff}")
                        .check(status().is(200))));
    }

    /** Orders through the gateway and polls matching-service every 50 ms (the resolution of the figure) until the candidates are there. */
    private ScenarioBuilder eventLag(String name) {
        return scenario(name)
                .feed(people())
                .exec(http("lag: order").post("/api/wishes").header("Authorization", "Bearer #{resident}")
                        .header("Idempotency-Key", "#{randomUuid()}")
                        .body(StringBody(ORDER))
                        .check(status().is(201), jsonPath("$.id").saveAs("wish")))
                .exitHereIfFailed()
                .exec(session -> session.set("submitted", System.nanoTime()).set("seen", false))
                .exec(asLongAs(session -> !session.getBoolean("seen") && waited(session) < Duration.ofSeconds(30).toNanos())
                        .on(exec(http("lag: candidates").get("/api/matching/wishes/#{wish}/candidates")
                                .header("Authorization", "Bearer #{staff}").check(status().saveAs("candidates")))
                                .exec(session -> session.set("seen", session.getInt("candidates") == 200))
                                .doIf(session -> !session.getBoolean("seen")).then(pause(Duration.ofMillis(50)))))
                .exec(session -> {
                    if (session.getBoolean("seen")) {
                        figures.lag(waited(session) / 1_000_000);
                    }
                    return session;
                });
    }

    private ChainBuilder command(String action, String token, String body) {
        HttpRequestActionBuilder request = http(action).post("/api/wishes/#{wish}/" + action)
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "#{randomUuid()}")
                .check(status().is(200));
        return timed(body == null ? request : request.body(StringBody(body)));
    }

    /** The request, and its response time recorded for the phase when it succeeded. */
    private ChainBuilder timed(HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs("millis")))
                .exec(session -> {
                    if (!session.isFailed()) {
                        figures.record(session.getString("phase"), session.getInt("millis"));
                    }
                    return session.remove("millis");
                });
    }

    private static long waited(Session session) {
        return System.nanoTime() - session.getLong("submitted");
    }

    /** Endless rows: a resident at an address of a grid, that grid's staff, a unit and a category. */
    private Iterator<Map<String, Object>> people() {
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            TestCommunity.Grid grid = community.grids().get(random.nextInt(community.grids().size()));
            Map<String, Object> row = new HashMap<>();
            row.put("resident", residentTokens.get(random.nextInt(residentTokens.size())));
            row.put("address", grid.addresses().get(random.nextInt(grid.addresses().size())));
            row.put("grid", grid.id());
            row.put("staff", staffTokens.get(grid.id()));
            row.put("unit", unitTokens.get(random.nextInt(unitTokens.size())));
            row.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
            return row;
        }).iterator();
    }
}
