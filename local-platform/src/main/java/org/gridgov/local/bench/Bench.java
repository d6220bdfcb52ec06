package org.gridgov.local.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.gridgov.infra.IdentityProvider;
import org.gridgov.infra.FreePorts;
import org.gridgov.infra.TokenRequest;
import org.gridgov.local.CommandLine;
import org.gridgov.local.Identity;
import org.gridgov.local.Infrastructure;
import org.gridgov.local.LocalPlatform;
import org.gridgov.local.PortAllocator;
import org.gridgov.local.RepoRoot;
import org.gridgov.local.Shutdown;
import org.gridgov.local.demo.DemoContext;
import org.gridgov.local.demo.DemoData;
import org.gridgov.local.demo.Persona;
import org.gridgov.local.service.PlatformAddresses;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./gridgov bench}: starts a platform of its own (in {@code .local/bench}, on free ports) with
 * production JVM settings, loads the demo data, and measures, each through the gateway and straight
 * to the service: ordering wishes, reading a wish, the whole workflow, and event lag at half load;
 * beside a PostgreSQL single-row insert baseline on the same server. Prints one table and writes it
 * as JSON to {@code .local/bench/result.json}.
 */
public final class Bench {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(10);
    /** The compilers' share of the services' CPU in a warm-up round below which the JIT counts as done. */
    private static final double COMPILING_DONE = 0.05;
    private static final Duration SETTLE_WINDOW = Duration.ofSeconds(5);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
    /** Idle CPU of the whole platform, in ms per s, below which the compilers are done (idle measures 70–100). */
    private static final double SETTLED = 150;
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final BenchOptions options;
    private final Path repoRoot;
    private final Path directory;
    private final Shutdown shutdown = new Shutdown();
    private final PrintStream out = System.out;
    private double halfLoad = Double.NaN;

    private Bench(BenchOptions options, Path repoRoot) {
        this.options = options;
        this.repoRoot = repoRoot;
        // -Dgridgov.bench.name=x keeps a second bench apart (.local/bench-x)
        String name = System.getProperty("gridgov.bench.name", "");
        this.directory = repoRoot.resolve(".local").resolve(name.isBlank() ? "bench" : "bench-" + name);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = CommandLine.parseOrExit(args, BenchOptions::parse, BenchOptions.USAGE);
        int status;
        try {
            status = new Bench(options, RepoRoot.find(Path.of(""))).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // exit in any case: the shutdown hook stops the services, Kafka and PostgreSQL, which would keep this JVM alive
        System.exit(status);
    }

    private int run() throws Exception {
        Instant launched = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        deleteRecursively(directory.resolve("data"));
        Files.createDirectories(directory.resolve("logs"));
        snapshotJars();
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "bench-shutdown"));

        out.println("Starting PostgreSQL, Kafka and the identity provider (in " + directory + ")…");
        Path data = directory.resolve("data");
        Infrastructure infra = Infrastructure.start(new Infrastructure.Plan(data.resolve("postgres"), data.resolve("kafka"),
                data.resolve("issuer"), 0, 0, 0, false), shutdown);
        Map<ServiceSpec, Integer> preferred = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec service : ServiceSpec.values()) {
            preferred.put(service, service.defaultPort() + 10_000 + (directory.getFileName().toString().equals("bench") ? 0 : 100));
        }
        PlatformAddresses addresses = infra.addresses(new PortAllocator(FreePorts::isFree), preferred);
        IdentityProvider identity = infra.startIdentity(Identity.jar(repoRoot, LocalPlatform.projectVersion()), addresses,
                directory.resolve("logs"), shutdown, Duration.ofMinutes(5));
        Map<String, String> baseEnvironment = new LinkedHashMap<>(Map.of("RATE_LIMIT_CLIENT_BURST", "1000000",
                "RATE_LIMIT_CLIENT_PER_SECOND", "1000000"));
        baseEnvironment.putAll(options.environment());
        Services services = startServices(addresses, baseEnvironment);
        double startSeconds = Duration.between(launched, Instant.now()).toMillis() / 1000.0;
        String memoryWhenReady = ProcessMemory.describe(services);
        out.printf(Locale.ROOT, "Ready after %.1f s. Loading the demo's grids, households and units…%n", startSeconds);

        URI gateway = URI.create(addresses.baseUrl(ServiceSpec.GATEWAY));
        DemoContext demo = new DemoContext(gateway, identity::issue, directory, new PrintStream(OutputStream.nullOutputStream()));
        List<String> failed = DemoData.loadPlacesAndUnits(demo);
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the demo's places and units did not load: " + failed);
        }
        List<String> households = households(demo);
        out.println("Demo data loaded; " + households.size() + " households of grid 1 order wishes.");

        Tokens tokens = new Tokens(identity::issue, options.clients());
        PostgresBaseline baseline = new PostgresBaseline(infra.postgres());
        baseline.prepare();
        try (Api api = new Api(); CandidateWatch watch = new CandidateWatch(infra.postgres().jdbcUrl("matching"),
                infra.postgres().username(), infra.postgres().password())) {
            Scenario scenario = new Scenario(api, watch, tokens, households);
            BenchReport first = measureAll(services, addresses, baseline, scenario, watch, baseEnvironment);
            first.note("platform ready after", String.format(Locale.ROOT, "%.1f s (infrastructure and six JVMs)", startSeconds));
            first.note("memory when ready", memoryWhenReady);
            finish(first, "result.json");
            if (!options.compare().isEmpty()) {
                Map<String, String> changed = new LinkedHashMap<>(baseEnvironment);
                changed.putAll(options.compare());
                services = restartServices(services, addresses, changed);
                BenchReport second = measureAll(services, addresses, baseline, scenario, watch, changed);
                finish(second, "result-compared.json");
                services = restartServices(services, addresses, baseEnvironment);
                BenchReport third = measureAll(services, addresses, baseline, scenario, watch, baseEnvironment);
                finish(third, "result-again.json");
                String comparison = BenchReport.comparison(first, second, third, options.compare().toString());
                out.println();
                out.print(comparison);
                Files.writeString(directory.resolve("comparison.txt"), comparison);
            }
        }
        out.println("\nService logs: " + directory.resolve("logs"));
        return 0;
    }

    private Services startServices(PlatformAddresses addresses, Map<String, String> environment) throws Exception {
        out.println("Starting the services with production JVM settings " + Services.PRODUCTION_JVM + " and " + environment + "…");
        Services services = shutdown.register("the services", Services.start(directory.resolve("jars"), LocalPlatform.projectVersion(), addresses,
                directory.resolve("logs"), environment, Services.PRODUCTION_JVM));
        services.awaitReady(READY_TIMEOUT, service -> { });
        return services;
    }

    /** Copies of the service jars, so that a build during the run (which rewrites target/) cannot break the services. */
    private void snapshotJars() throws IOException {
        Path jars = directory.resolve("jars");
        deleteRecursively(jars);
        for (ServiceSpec service : ServiceSpec.values()) {
            Path jar = service.jar(repoRoot, LocalPlatform.projectVersion());
            Path copy = service.jar(jars, LocalPlatform.projectVersion());
            Files.createDirectories(copy.getParent());
            Files.copy(jar, copy);
        }
    }

    /** The same services on the same ports, database and topics, started again with other settings. */
    private Services restartServices(Services running, PlatformAddresses addresses, Map<String, String> environment)
            throws Exception {
        out.println("\nRestarting the services with " + environment + "…");
        running.close();
        return startServices(addresses, environment);
    }

    private void finish(BenchReport report, String file) throws IOException {
        report.note("settings", options.clients() + " clients, " + options.phase().toSeconds() + " s per phase, JVMs "
                + Services.PRODUCTION_JVM + ", on " + Runtime.getRuntime().availableProcessors() + " cores");
        out.println();
        out.print(report.table());
        Path result = directory.resolve(file);
        Files.writeString(result, report.json());
        out.println("As JSON: " + result);
    }

    /** Warms the JIT up, then measures every figure once, each phase after matching-service caught up with the last. */
    private BenchReport measureAll(Services services, PlatformAddresses addresses, PostgresBaseline baseline, Scenario scenario,
            CandidateWatch watch, Map<String, String> environment) throws Exception {
        BenchReport report = new BenchReport();
        report.note("service environment", environment.toString());
        String viaGateway = addresses.baseUrl(ServiceSpec.GATEWAY);
        String direct = addresses.baseUrl(ServiceSpec.WISH);
        warmUp(report, services, scenario, viaGateway, direct);
        drain(report, watch, null);
        settle(report, services);

        measure("the platform idle", () -> {
            ProcessCpu cpu = ProcessCpu.from(services);
            Thread.sleep(options.phase().toMillis());
            report.note("CPU while idle (ms per second)", cpu.perOperation(options.phase().toSeconds()));
        });
        measure("PostgreSQL baseline", () -> {
            baseline.pgbench(options.clients(), options.phase(), directory).ifPresent(tps -> report.add(
                    new Figure("single-row insert (pgbench)", BenchReport.POSTGRES, tps, Math.round(tps * options.phase().toSeconds()),
                            0, Double.NaN, Double.NaN)));
            report.add(baseline.jdbc(options.clients(), options.phase()).figure("single-row insert (JDBC)", BenchReport.POSTGRES));
        });
        List<String[]> ways = List.of(new String[] {BenchReport.GATEWAY, viaGateway}, new String[] {BenchReport.DIRECT, direct});
        String maximum = "order a wish (max, " + options.clients() + " clients)";
        Statements statements = new Statements(baseline);
        for (String[] via : ways) {
            measure("ordering wishes, " + via[0], () -> {
                watch.restart();
                statements.reset();
                ProcessCpu cpu = ProcessCpu.from(services);
                Load.Run run = Load.closedLoop(options.clients(), options.phase(), client -> scenario.order(via[1], client));
                report.add(run.figure(maximum, via[0]));
                drain(report, watch, "consumer lag at the end, ordering at the maximum " + via[0]);
                report.note("CPU per wish ordered (ms, until consumers caught up), " + via[0], cpu.perOperation(run.ok()));
                report.note("PostgreSQL per wish ordered, " + via[0], statements.perOperation(run.ok()));
            });
        }
        for (String[] via : ways) {
            measure("reading a wish, " + via[0], () -> report.add(Load.closedLoop(options.clients(), options.phase(),
                    client -> scenario.read(via[1], client)).figure("read a wish by id", via[0])));
        }
        for (String[] via : ways) {
            measure("the whole workflow, " + via[0], () -> {
                statements.reset();
                ProcessCpu cpu = ProcessCpu.from(services);
                Load.Run run = Load.closedLoop(options.clients(), options.phase(), client -> scenario.workflow(via[1], client));
                report.add(run.figure("workflow order→close (wishes closed)", via[0]));
                drain(report, watch, null);
                report.note("CPU per wish closed (ms), " + via[0], cpu.perOperation(run.ok()));
                report.note("PostgreSQL per wish closed, " + via[0], statements.perOperation(run.ok()));
            });
        }
        if (Double.isNaN(halfLoad)) {
            // the first run's half load is every run's, so that lags compare at the same offered rate
            halfLoad = report.find(maximum, BenchReport.GATEWAY).map(Figure::perSecond).orElse(10.0) / 2;
        }
        double half = halfLoad;
        for (String[] via : ways) {
            measure(String.format(Locale.ROOT, "half load (%.0f wishes/s), %s", half, via[0]), () -> {
                watch.restart();
                AtomicInteger next = new AtomicInteger();
                Load.Run run = Load.fixedRate(half, options.phase(),
                        () -> scenario.order(via[1], next.getAndIncrement() % options.clients()).get());
                report.add(run.figure("order a wish (half load)", via[0]));
                drain(report, watch, null);
                Latencies lags = watch.restart();
                report.add(new Figure("event lag ordered→candidates (half)", via[0], run.ok() / run.seconds(), lags.count(), 0,
                        lags.percentileMillis(50), lags.percentileMillis(99)));
            });
        }
        measure("one client ordering, gateway", () -> {
            report.add(Load.closedLoop(1, options.phase(), client -> scenario.order(viaGateway, 0))
                    .figure("order a wish (1 client)", BenchReport.GATEWAY));
            drain(report, watch, null);
        });
        report.note("memory after the run", ProcessMemory.describe(services));
        return report;
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    private void measure(String name, Phase phase) throws Exception {
        out.println("Measuring " + name + "…");
        phase.run();
    }

    /**
     * Rounds of every path the figures take (ordering and reading, the workflow; through the gateway and
     * straight), each {@code --warmup} long, until the JIT compilers took under {@link #COMPILING_DONE} of the
     * services' CPU in a round, or {@link #WARM_UP_LIMIT} passed. At the rates two cores allow, methods
     * reach the optimising compiler's thresholds only after minutes, and compilers took 29–57 % of a service's
     * CPU in the measured phases when one fixed round of 60 s was the warm-up.
     */
    private void warmUp(BenchReport report, Services services, Scenario scenario, String viaGateway, String direct)
            throws InterruptedException {
        Duration quarter = options.warmup().dividedBy(4);
        long started = System.nanoTime();
        int rounds = 0;
        double compiling;
        do {
            rounds++;
            out.printf(Locale.ROOT, "Warming up, round %d (%d s)…%n", rounds, options.warmup().toSeconds());
            JitActivity jit = JitActivity.from(services);
            Load.closedLoop(options.clients(), quarter, client -> scenario.orderAndRead(viaGateway, client));
            Load.closedLoop(options.clients(), quarter, client -> scenario.orderAndRead(direct, client));
            Load.closedLoop(options.clients(), quarter, client -> scenario.workflow(viaGateway, client));
            Load.closedLoop(options.clients(), quarter, client -> scenario.workflow(direct, client));
            compiling = jit.compilingShare();
            out.printf(Locale.ROOT, "  the JIT compilers took %.0f %% of the services' CPU%n", compiling * 100);
        } while (compiling > COMPILING_DONE && System.nanoTime() - started < WARM_UP_LIMIT.toNanos());
        report.note("warm-up", String.format(Locale.ROOT,
                "%d round(s) of %d s; the JIT compilers took %.0f %% of the services' CPU in the last (done below %.0f %%, at most %d s)",
                rounds, options.warmup().toSeconds(), compiling * 100, COMPILING_DONE * 100, WARM_UP_LIMIT.toSeconds()));
    }

    /**
     * Waits until the JIT compilers have worked through what the warm-up queued: on two cores, eight JVMs
     * compile for minutes after their first load, and a figure taken meanwhile measures the compilers.
     * Settled is the idle platform using under {@link #SETTLED} for a {@link #SETTLE_WINDOW}.
     */
    private void settle(BenchReport report, Services services) throws InterruptedException {
        out.println("Waiting for the JIT compilers to settle…");
        long started = System.nanoTime();
        double perSecond;
        do {
            ProcessCpu cpu = ProcessCpu.from(services);
            Thread.sleep(SETTLE_WINDOW.toMillis());
            perSecond = cpu.millisPerSecond(SETTLE_WINDOW);
        } while (perSecond > SETTLED && System.nanoTime() - started < SETTLE_LIMIT.toNanos());
        report.note("settling after the warm-up", String.format(Locale.ROOT,
                "%.0f s until the idle platform used %.0f ms of CPU per s (settled below %.0f, waiting at most %d s)",
                (System.nanoTime() - started) / 1e9, perSecond, SETTLED, SETTLE_LIMIT.toSeconds()));
    }

    /** Waits until matching-service has caught up; with a label, reports how far behind it was when the load stopped. */
    private static void drain(BenchReport report, CandidateWatch watch, String label) throws InterruptedException {
        double behind = watch.oldestWaitingSeconds();
        int waiting = watch.waiting();
        double drained = watch.awaitDrained(DRAIN_TIMEOUT);
        if (label != null) {
            report.note(label, String.format(Locale.ROOT, "%.2f s (%d wishes without candidates; caught up %s)", behind, waiting,
                    Double.isNaN(drained) ? "not within " + DRAIN_TIMEOUT.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s later", drained)));
        }
    }

    /** Addresses of grid 1's registered households, where the bench's residents live. */
    private static List<String> households(DemoContext demo) throws IOException, InterruptedException {
        List<String> addresses = new ArrayList<>();
        JsonNode page = null;
        for (int attempt = 1; page == null; attempt++) {
            try {
                page = demo.get(Persona.COMMUNITY_ADMIN, "/api/grid/nodes/" + Persona.Ids.GRID_1 + "/households");
            } catch (IOException e) {
                // a machine busy with other work may answer slower than the demo's timeout
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        for (JsonNode household : page.path("items")) {
            addresses.add(household.get("address").asString());
        }
        if (addresses.isEmpty()) {
            throw new IllegalStateException("grid 1 has no households: the demo data did not load");
        }
        return addresses;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(each);
            }
        }
    }

    /** Per client: a resident, a grid-1 staff member and a member of unit 1, each their own subject. */
    static final class Tokens {
        final String[] resident;
        final String[] staff;
        final String[] unit;

        Tokens(java.util.function.Function<TokenRequest, String> issuer, int clients) {
            resident = new String[clients];
            staff = new String[clients];
            unit = new String[clients];
            for (int i = 0; i < clients; i++) {
                resident[i] = issuer.apply(TokenRequest.of("bench-resident-" + i, "RESIDENT").withExpiresIn(TOKEN_LIFETIME));
                staff[i] = issuer.apply(TokenRequest.of("bench-staff-" + i, "GRID_STAFF").withJurisdiction(Persona.Ids.GRID_1)
                        .withExpiresIn(TOKEN_LIFETIME));
                unit[i] = issuer.apply(TokenRequest.of("bench-unit-" + i, "UNIT").withUnit(Persona.Ids.UNIT_1)
                        .withExpiresIn(TOKEN_LIFETIME));
            }
        }
    }

    /** The operations, per client: each client orders as its resident and reads back the wishes it ordered. */
    private static final class Scenario {
        private final Api api;
        private final CandidateWatch watch;
        private final Tokens tokens;
        private final List<String> households;
        private final AtomicInteger sequence = new AtomicInteger();
        private final List<List<UUID>> ordered = new ArrayList<>();
        private final AtomicInteger reads = new AtomicInteger();

        Scenario(Api api, CandidateWatch watch, Tokens tokens, List<String> households) {
            this.api = api;
            this.watch = watch;
            this.tokens = tokens;
            this.households = households;
            for (int i = 0; i < tokens.resident.length; i++) {
                ordered.add(new CopyOnWriteArrayList<>());
            }
        }

        private CompletableFuture<Optional<UUID>> orderOne(String base, int client) {
            int n = sequence.getAndIncrement();
            return api.order(base, tokens.resident[client], households.get(n % households.size()), n)
                    .thenApply(id -> {
                        id.ifPresent(wish -> {
                            watch.ordered(wish);
                            List<UUID> mine = ordered.get(client);
                            if (mine.size() < 1000) {
                                mine.add(wish);
                            }
                        });
                        return id;
                    });
        }

        Supplier<CompletableFuture<Boolean>> order(String base, int client) {
            return () -> orderOne(base, client).thenApply(Optional::isPresent);
        }

        Supplier<CompletableFuture<Boolean>> read(String base, int client) {
            return () -> {
                List<UUID> mine = ordered.get(client);
                return api.read(base, tokens.resident[client], mine.get(Math.floorMod(reads.getAndIncrement(), mine.size())));
            };
        }

        Supplier<CompletableFuture<Boolean>> orderAndRead(String base, int client) {
            return () -> orderOne(base, client).thenCompose(id -> id.isEmpty() ? CompletableFuture.completedFuture(false)
                    : api.read(base, tokens.resident[client], id.get()));
        }

        /** One wish through its whole life: ordered, dispatched to unit 1, claimed, fulfilled and closed. */
        Supplier<CompletableFuture<Boolean>> workflow(String base, int client) {
            return () -> orderOne(base, client).thenCompose(id -> {
                if (id.isEmpty()) {
                    return CompletableFuture.completedFuture(false);
                }
                UUID wish = id.get();
                return api.dispatch(base, tokens.staff[client], wish, Persona.Ids.UNIT_1)
                        .thenCompose(ok -> ok ? api.claim(base, tokens.unit[client], wish) : CompletableFuture.completedFuture(false))
                        .thenCompose(ok -> ok ? api.fulfil(base, tokens.unit[client], wish) : CompletableFuture.completedFuture(false))
                        .thenCompose(ok -> ok ? api.close(base, tokens.resident[client], wish) : CompletableFuture.completedFuture(false));
            });
        }
    }
}
