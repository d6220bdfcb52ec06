package org.gridgov.grid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.gridgov.grid.GridServiceTestBase;
import org.gridgov.grid.address.AddressResolver;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.gridgov.infra.TokenRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * Imports a generated district of ~300,000 households through the API and measures what the issue
 * asks about: import time and resolve latency at the service. Not part of the default build:
 * {@code mvn -B -o -pl grid-service verify -Pbench}. It asserts only correctness (every registered
 * address resolves to its micro-grid); the figures are printed, each latency beside a baseline
 * measured in the same run on the same machine (an authenticated call doing one primary-key lookup).
 */
class GridDistrictBenchmark extends GridServiceTestBase {

    private static final int WARM_UP = 3_000;
    private static final int SAMPLES = 20_000;

    @LocalServerPort
    private int port;

    @Autowired
    private DatabaseClient db;

    @Autowired
    private AddressResolver resolver;

    @Autowired
    private GridNodeStore nodes;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final UUID districtId = UUID.randomUUID();
    private final String admin = admin("DISTRICT_ADMIN", districtId);
    private final String app = token(TokenRequest.of("bench-app", "CLIENT").withScope("grid:resolve"));
    private final List<String> addresses = new ArrayList<>();
    private final List<String> microGridOf = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    @Test
    void a_district_of_300_000_households_imports_and_resolves() throws Exception {
        DistrictGenerator district = new DistrictGenerator(districtId, "测试区");

        // import: every community through POST /api/grid/imports, one after the other, as an operator would
        long started = System.nanoTime();
        long[] perCommunity = new long[DistrictGenerator.STREETS * DistrictGenerator.COMMUNITIES_PER_STREET];
        String lastImport = null;
        int i = 0;
        for (int street = 0; street < DistrictGenerator.STREETS; street++) {
            for (int community = 0; community < DistrictGenerator.COMMUNITIES_PER_STREET; community++) {
                ImportDocument document = district.community(street, community, this::remember);
                long one = System.nanoTime();
                JsonNode finished = importAndWait(document, admin);
                perCommunity[i++] = System.nanoTime() - one;
                assertThat(finished.get("status").asString()).isEqualTo("APPLIED");
                lastImport = finished.get("id").asString();
            }
        }
        long importTotal = System.nanoTime() - started;
        line("district import: %,d communities, %,d households in %.1f s (%,.0f households/s); per community p50 %s, p99 %s",
                perCommunity.length, addresses.size(), seconds(importTotal), addresses.size() / seconds(importTotal),
                millis(percentile(perCommunity, 50)), millis(percentile(perCommunity, 99)));

        List<String> largeAddresses = new ArrayList<>();
        ImportDocument large = district.largeCommunity((address, microGrid) -> largeAddresses.add(address));
        long largeStarted = System.nanoTime();
        assertThat(importAndWait(large, admin).get("status").asString()).isEqualTo("APPLIED");
        line("one community of %,d households: %s from POST to APPLIED", largeAddresses.size(),
                millis(System.nanoTime() - largeStarted));
        long again = System.nanoTime();
        JsonNode repeated = importAndWait(large, admin);
        assertThat(repeated.at("/summary/households/unchanged").asInt()).isEqualTo(10_000);
        line("the same community again (nothing to change): %s", millis(System.nanoTime() - again));

        long drainStarted = System.nanoTime();
        long backlog = unsentEvents();
        while (unsentEvents() > 0) {
            sleep(Duration.ofMillis(500));
        }
        line("outbox: %,d events still unpublished when the imports ended, drained in %.1f s", backlog,
                seconds(System.nanoTime() - drainStarted));
        line("rows: %,d nodes, %,d households, %,d staff terms", count("grid_node"), count("household"), count("grid_staff"));

        // resolve latency over HTTP, sequential requests on one keep-alive connection, against a baseline call
        Random random = new Random(7);
        String baselinePath = "/api/grid/imports/" + lastImport;
        Supplier<String> exact = () -> "/api/grid/resolve?address=" + encode(variant(addresses.get(random.nextInt(addresses.size())), random));
        Supplier<String> nearby = () -> "/api/grid/resolve?address=" + encode(unknownRoom(random));
        measureHttp("warm-up", exact, WARM_UP);
        measureHttp("warm-up", () -> baselinePath, WARM_UP);
        long[] baseline = measureHttp("baseline GET /api/grid/imports/{id}", () -> baselinePath, SAMPLES);
        long[] resolveExact = measureHttp("resolve, registered address (random written variant)", exact, SAMPLES);
        long[] resolveNearby = measureHttp("resolve, unknown room of a known building", nearby, SAMPLES / 4);
        line("resolve/baseline: p50 ×%.2f, p99 ×%.2f", ratio(resolveExact, baseline, 50), ratio(resolveExact, baseline, 99));

        // the same inside the service, without HTTP and JWT: resolver vs a primary-key lookup of a node
        UUID someNode = UUID.fromString(get(baselinePath, admin).get("communityId").asString());
        long[] pk = measure("in-process GridNodeStore.find (primary key)", n -> nodes.find(someNode).block(), SAMPLES);
        long[] inProcess = measure("in-process AddressResolver.resolve", n -> resolver.resolve(
                variant(addresses.get(random.nextInt(addresses.size())), random)).block(), SAMPLES);
        line("in-process resolve/primary key: p50 ×%.2f, p99 ×%.2f", ratio(inProcess, pk, 50), ratio(inProcess, pk, 99));

        long tree = System.nanoTime();
        JsonNode districtNode = get("/api/grid/nodes/" + districtId, admin);
        line("GET the district node with its counts (%,d households): %s", districtNode.at("/counts/households").asLong(),
                millis(System.nanoTime() - tree));

        // correctness: a sample of registered addresses resolves to the right micro-grid
        for (int n = 0; n < 2_000; n++) {
            int pick = random.nextInt(addresses.size());
            JsonNode resolved = json.readTree(send("/api/grid/resolve?address=" + encode(variant(addresses.get(pick), random)), app).body());
            assertThat(resolved.at("/microGrid/code").asString()).as(addresses.get(pick)).isEqualTo(microGridOf.get(pick));
        }

        System.out.println("\n===== grid-service benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, shared machine) =====\n" + report + "=====\n");
    }

    private void remember(String address, String microGrid) {
        addresses.add(address);
        microGridOf.add(microGrid);
    }

    /** The address as someone might write it: full-width digits, 幢, spaces, the district name in front. */
    private static String variant(String address, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> address;
            case 1 -> address.chars().mapToObj(c -> String.valueOf(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c))
                    .reduce("", String::concat);
            case 2 -> address.replace("栋", "幢").replace("室", "");
            case 3 -> "重庆市测试区" + address;
            default -> address.replace("号", "号 ").replace("单元", "单元 ");
        };
    }

    private String unknownRoom(Random random) {
        String address;
        do {
            address = addresses.get(random.nextInt(addresses.size()));
        } while (!address.endsWith("室"));
        return address.substring(0, address.lastIndexOf("单元") + 2) + "999室";
    }

    private long[] measureHttp(String what, Supplier<String> paths, int samples) throws IOException, InterruptedException {
        long[] nanos = new long[samples];
        for (int n = 0; n < samples; n++) {
            String path = paths.get();
            long one = System.nanoTime();
            HttpResponse<String> response = send(path, path.startsWith("/api/grid/imports") ? admin : app);
            nanos[n] = System.nanoTime() - one;
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        if (!what.equals("warm-up")) {
            line("%s: p50 %s, p99 %s, p99.9 %s, max %s (%,d requests)", what, millis(percentile(nanos, 50)),
                    millis(percentile(nanos, 99)), millis(percentile(nanos, 99.9)), millis(percentile(nanos, 100)), samples);
        }
        return nanos;
    }

    private long[] measure(String what, Function<Integer, Object> call, int samples) {
        for (int n = 0; n < WARM_UP; n++) {
            call.apply(n);
        }
        long[] nanos = new long[samples];
        for (int n = 0; n < samples; n++) {
            long one = System.nanoTime();
            call.apply(n);
            nanos[n] = System.nanoTime() - one;
        }
        line("%s: p50 %s, p99 %s", what, millis(percentile(nanos, 50)), millis(percentile(nanos, 99)));
        return nanos;
    }

    private HttpResponse<String> send(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private long unsentEvents() {
        return db.sql("select count(*) from kit_outbox where sent_at is null").map(row -> row.get(0, Long.class)).one().block();
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table).map(row -> row.get(0, Long.class)).one().block();
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.append(text).append('\n');
        System.out.println("[bench] " + text);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long percentile(long[] values, double percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ratio(long[] measured, long[] baseline, double percentile) {
        return (double) percentile(measured, percentile) / percentile(baseline, percentile);
    }

    private static String millis(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
