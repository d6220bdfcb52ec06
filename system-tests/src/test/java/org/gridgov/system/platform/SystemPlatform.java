package org.gridgov.system.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gridgov.infra.IdentityProvider;
import org.gridgov.infra.EmbeddedKafkaServer;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.FreePorts;
import org.gridgov.infra.TokenRequest;
import org.gridgov.local.Identity;
import org.gridgov.local.Infrastructure;
import org.gridgov.local.LocalPlatform;
import org.gridgov.local.PortAllocator;
import org.gridgov.local.RepoRoot;
import org.gridgov.local.Shutdown;
import org.gridgov.local.service.PlatformAddresses;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;

/**
 * The whole platform for system tests, started the way {@code ./gridgov start} starts it (the
 * launcher's own {@link Infrastructure} and {@link Services}): a real PostgreSQL, a real Kafka
 * (KRaft), the local OIDC issuer and the five service jars as child JVMs, on free ports, with its
 * data and logs under {@code system-tests/target/platform/}. One platform per test JVM, shared by
 * every suite: {@link #shared()}; it stops when the JVM exits.
 *
 * <p>Fault tests take it apart on purpose: {@link #kafka()} stops and starts again on the same
 * port, {@link #postgres()} likewise, {@link #kill(ServiceSpec)} is a {@code kill -9} and
 * {@link #restart(ServiceSpec)} brings the service back. Whoever breaks something brings it back
 * and waits for {@link #awaitAllReady()}, so the next test finds a whole platform.
 */
public final class SystemPlatform {

    /**
     * What the services are told besides their addresses: short SLA deadlines and supervision delays, so that escalation
     * happens within a test (the categories with their own deadlines keep them), and rate limits
     * still on but high enough for the suites' request volume from one subject.
     */
    /**
     * The file whose ISO-8601 duration fieldwork-service adds to its clock (relative to the repository, the services'
     * directory); absent, no offset.
     */
    private static final String FIELDWORK_CLOCK_OFFSET = "system-tests/target/platform/fieldwork-clock-offset";
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("GRIDGOV_SLA_DEFAULTS_DISPATCH", "20s"),
            Map.entry("GRIDGOV_SLA_DEFAULTS_CLAIM", "20s"),
            Map.entry("GRIDGOV_SLA_DEFAULTS_ESCALATEAFTER", "20s"),
            Map.entry("SLA_POLL_INTERVAL", "1s"),
            // a department's late acknowledgement (报到) within a test, on the production SLA periods: fieldwork-service
            // alone runs on a clock CaseChainIT moves past them (moveFieldworkClock); polled every second
            Map.entry("FIELDWORK_CLOCK_OFFSET_FILE", FIELDWORK_CLOCK_OFFSET),
            Map.entry("FIELDWORK_SLA_POLL_INTERVAL", "1s"),
            Map.entry("FIELDWORK_PATROL_POLL_INTERVAL", "1s"),
            // 督办 within a test: a milestone past due is reminded at once and escalated a few seconds later
            Map.entry("COMMITTEE_SUPERVISION_POLL_INTERVAL", "1s"),
            Map.entry("COMMITTEE_SUPERVISION_ESCALATE_AFTER", "3s"),
            Map.entry("KPI_METRICS_INTERVAL", "5s"),
            Map.entry("RATE_LIMIT_CLIENT_BURST", "5000"),
            Map.entry("RATE_LIMIT_CLIENT_PER_SECOND", "1000"),
            Map.entry("RATE_LIMIT_ANONYMOUS_BURST", "2000"),
            Map.entry("RATE_LIMIT_ANONYMOUS_PER_SECOND", "500"),
            // apps-service's recording SMS channel writes here (relative to the repository, the services' directory),
            // not into a developer's .local/; NotificationsIT reads it
            Map.entry("NOTIFICATIONS_SMS_RECORDING_FILE", "system-tests/target/platform/notifications/sms.jsonl"),
            Map.entry("NOTIFICATIONS_WECHAT_RECORDING_FILE", "system-tests/target/platform/notifications/wechat.jsonl"),
            Map.entry("NOTIFICATIONS_POLL_INTERVAL", "500ms"));
    /** How long a service may take to start; {@code -Dgridgov.system.ready-timeout=PT10M} on a busy shared machine. */
    private static final Duration READY_TIMEOUT = Duration.parse(System.getProperty("gridgov.system.ready-timeout", "PT4M"));

    private static SystemPlatform shared;

    private final Shutdown shutdown;
    private final Infrastructure infrastructure;
    private final IdentityProvider identity;
    private final PlatformAddresses addresses;
    private final Services services;
    private final Path directory;
    private final ApiClient anonymous;
    private Personas personas;

    private SystemPlatform(Shutdown shutdown, Infrastructure infrastructure, IdentityProvider identity, PlatformAddresses addresses,
            Services services, Path directory) {
        this.shutdown = shutdown;
        this.infrastructure = infrastructure;
        this.identity = identity;
        this.addresses = addresses;
        this.services = services;
        this.directory = directory;
        this.anonymous = new ApiClient(gateway(), null);
    }

    /** The tests' settings and what the identity provider tells the services. */
    private static Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new java.util.LinkedHashMap<>(ENVIRONMENT);
        environment.putAll(Identity.serviceEnvironment());
        return environment;
    }

    /** The platform of this test JVM, started by the first caller (about a minute on two cores). */
    public static synchronized SystemPlatform shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.shutdown::run, "system-platform-stop"));
        }
        return shared;
    }

    private static SystemPlatform start() {
        Instant begun = Instant.now();
        Path repoRoot = RepoRoot.find(Path.of(""));
        Path directory = repoRoot.resolve("system-tests/target/platform");
        deleteRecursively(directory);
        Shutdown shutdown = new Shutdown();
        try {
            Files.createDirectories(directory.resolve("logs"));
            Infrastructure infrastructure = Infrastructure.start(new Infrastructure.Plan(directory.resolve("postgres"),
                    directory.resolve("kafka"), directory.resolve("issuer"), 0, 0, 0, true), shutdown);
            // free ports, never the well-known ones: a developer's own platform may run beside the tests
            Map<ServiceSpec, Integer> anyPorts = new EnumMap<>(ServiceSpec.class);
            Arrays.stream(ServiceSpec.values()).forEach(service -> anyPorts.put(service, FreePorts.any()));
            PlatformAddresses addresses = infrastructure.addresses(new PortAllocator(FreePorts::isFree), anyPorts);
            IdentityProvider identity = infrastructure.startIdentity(Identity.jar(repoRoot, LocalPlatform.projectVersion()), addresses,
                    directory.resolve("logs"), shutdown, READY_TIMEOUT);
            Services services = shutdown.register("the services", Services.start(repoRoot,
                    LocalPlatform.projectVersion(), addresses, directory.resolve("logs"), serviceEnvironment()));
            services.awaitReady(READY_TIMEOUT, service -> { });
            services.reportUnexpectedExits();
            System.out.printf("SystemPlatform up after %d s: gateway %s, logs in %s%n",
                    Duration.between(begun, Instant.now()).toSeconds(), addresses.baseUrl(ServiceSpec.GATEWAY),
                    directory.resolve("logs"));
            return new SystemPlatform(shutdown, infrastructure, identity, addresses, services, directory);
        } catch (Services.StartFailure e) {
            shutdown.run();
            throw new IllegalStateException("the platform did not start:\n" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown.run();
            throw new IllegalStateException("interrupted while starting the platform", e);
        } catch (IOException | RuntimeException e) {
            shutdown.run();
            throw new IllegalStateException("the platform did not start", e);
        }
    }

    /** The public entry: what third-party apps call. */
    public URI gateway() {
        return service(ServiceSpec.GATEWAY);
    }

    /** A service's own address, bypassing the gateway. */
    public URI service(ServiceSpec service) {
        return URI.create(addresses.baseUrl(service));
    }

    /** A token for any claims, signed by the identity provider every service trusts (its local token endpoint). */
    public String token(TokenRequest request) {
        return identity.issue(request);
    }

    /** Calls through the gateway as the bearer of a token with these claims. */
    public ApiClient as(TokenRequest request) {
        return new ApiClient(gateway(), token(request));
    }

    /** Calls through the gateway without a token. */
    public ApiClient anonymous() {
        return anonymous;
    }

    /** Calls one service directly, bypassing the gateway, as the bearer of a token with these claims (null: no token). */
    public ApiClient direct(ServiceSpec service, TokenRequest request) {
        return new ApiClient(service(service), request == null ? null : token(request));
    }

    /**
     * The demo data of {@code ./gridgov start} (太平街社区, its units, members and wishes), loaded
     * through the gateway by the first caller, and tokens for its personas.
     */
    public synchronized Personas personas() {
        if (personas == null) {
            personas = Personas.load(this, directory);
        }
        return personas;
    }

    /** The identity provider: sign-in, client credentials, the keys every service trusts. */
    public IdentityProvider identity() {
        return identity;
    }

    /** The broker: {@code stop()} and {@code start()} bring it back on the same port with its data. */
    public EmbeddedKafkaServer kafka() {
        return infrastructure.kafka();
    }

    /** The database server: {@code stop()} and {@code start()} bring it back on the same port with its data. */
    public EmbeddedPostgresServer postgres() {
        return infrastructure.postgres();
    }

    /** The service processes, for a fault test's own choreography (stop, kill, restart, pid, log). */
    public Services services() {
        return services;
    }

    /**
     * Starts another replica of each running service named, on free ports, as a second pod would run
     * (the same database and consumer groups), and waits until they are ready; their addresses, in
     * order. {@link #stopReplicas()} stops every replica started so, and the platform's shutdown does too.
     */
    public List<URI> startReplicas(ServiceSpec... services) {
        Map<ServiceSpec, Integer> ports = new LinkedHashMap<>();
        Arrays.stream(services).forEach(service -> ports.put(service, FreePorts.any()));
        try {
            return this.services.startReplicas(ports, READY_TIMEOUT).stream().map(URI::create).toList();
        } catch (Services.StartFailure e) {
            throw new IllegalStateException("a replica did not start:\n" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting replicas", e);
        }
    }

    /** Stops the replicas {@link #startReplicas(ServiceSpec...)} started (gracefully, as a scale-down would). */
    public void stopReplicas() {
        services.stopReplicas();
    }

    /** {@code kill -9}: the service dies mid-request and mid-transaction. */
    public void kill(ServiceSpec service) {
        services.kill(service);
    }

    /** Starts a killed or stopped service again on its port and waits until it is ready. */
    public void restart(ServiceSpec service) {
        services.restart(service);
        try {
            services.awaitReady(service, READY_TIMEOUT);
        } catch (Services.StartFailure e) {
            throw new IllegalStateException(service.module() + " did not come back:\n" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + service.module(), e);
        }
    }

    /** Waits until every service says it takes traffic again (after Kafka or PostgreSQL came back). */
    public void awaitAllReady() {
        try {
            services.awaitReady(READY_TIMEOUT, service -> { });
        } catch (Services.StartFailure e) {
            throw new IllegalStateException("the platform did not recover:\n" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }

    /** A JDBC connection to a service's own database, for checks behind the API (outbox, inbox, ledger). */
    public Connection database(ServiceSpec service) {
        String database = service.database()
                .orElseThrow(() -> new IllegalArgumentException(service.module() + " keeps no database"));
        try {
            return DriverManager.getConnection(postgres().jdbcUrl(database), postgres().username(), postgres().password());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database " + database, e);
        }
    }

    /** What apps-service's recording channel would have sent as text messages, one JSON line each. */
    public Path recordedTextMessages() {
        return directory.resolve("notifications/sms.jsonl");
    }

    /**
     * Moves fieldwork-service's clock (only its own) {@code offset} ahead of the real time, from now until {@link
     * #putFieldworkClockBack()}; the service reads it within 100 ms. Whatever falls due in the skipped time — other
     * cases' SLAs, patrols due, care weeks ending — falls due at once, so keep the offset small and put it back.
     */
    public void moveFieldworkClock(Duration offset) {
        Path file = directory.resolve("fieldwork-clock-offset");
        Path written = directory.resolve("fieldwork-clock-offset.next");
        try {
            Files.writeString(written, offset.toString());
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fieldwork-service's clock the real time again. */
    public void putFieldworkClockBack() {
        try {
            Files.deleteIfExists(directory.resolve("fieldwork-clock-offset"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the services write their logs. */
    public Path logs() {
        return directory.resolve("logs");
    }

    /** Each environment variable the services were started with beyond their addresses. */
    public Map<String, String> environment() {
        return serviceEnvironment();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (Files.isDirectory(dir.resolve("postgres"))) {
            EmbeddedPostgresServer.stopOrphanedServer(dir.resolve("postgres"));
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
