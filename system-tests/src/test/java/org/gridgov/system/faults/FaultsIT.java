package org.gridgov.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.contracts.Topic;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.Events;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform under faults while people keep working: the broker stopped, each service killed
 * with {@code kill -9}, the database gone for a while or killed with {@code kill -9}. Afterwards every wish is where its path
 * leads, and the system has converged (see {@link Convergence}): outboxes drained, read models
 * equal to wish-service, exactly one points award per closed wish and member who served it.
 */
class FaultsIT {

    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration REPLICAS_RUN = Duration.ofSeconds(45);
    private static final Pattern APPLIED = Pattern.compile(
            "gridgov_events_consumed_total\\{[^}]*consumer=\"matching-service\\.candidates\"[^}]*outcome=\"applied\"[^}]*} ([0-9.E]+)");

    private static SystemPlatform platform;
    private static TestCommunity community;
    private static String unit;
    private static String otherUnit;
    private static String member;

    @BeforeAll
    static void community() {
        platform = SystemPlatform.shared();
        community = TestCommunity.create(platform, 2, 10);
        unit = community.joinUnit("故障测试维修队", "REPAIRS");
        otherUnit = community.joinUnit("故障测试志愿队", "REPAIRS");
        member = community.registerMember("故障测试党员");
        community.awaitKnownToWishService(unit, otherUnit, member);
    }

    @Test
    void kafka_stopped_and_started_again_mid_run_loses_and_duplicates_nothing() throws Exception {
        Workload workload = outage(platform.kafka()::stop, platform.kafka()::start);
        assertConverged(workload, "Kafka stopped for " + OUTAGE.toSeconds() + " s");
    }

    @Test
    void each_service_killed_mid_run_and_started_again_loses_and_duplicates_nothing() throws Exception {
        Workload workload = startWorkload();
        for (ServiceSpec service : ServiceSpec.values()) {
            platform.kill(service);
            sleep(Duration.ofSeconds(2));
            Instant restarted = Instant.now();
            platform.restart(service);
            System.out.printf("%s killed with -9, ready again %d s after its restart%n", service.module(),
                    Duration.between(restarted, Instant.now()).toSeconds());
            sleep(Duration.ofSeconds(2));
        }
        assertConverged(workload, "each service killed in turn");
    }

    @Test
    void postgresql_unavailable_for_a_while_mid_run_loses_and_duplicates_nothing() throws Exception {
        Workload workload = outage(platform.postgres()::stop, platform.postgres()::start);
        assertConverged(workload, "PostgreSQL stopped for " + OUTAGE.toSeconds() + " s");
        // a database outage is the service being unavailable for a moment, not an internal error
        assertThat(workload.transientAnswers()).as("answers while the database was down").doesNotContainKey(500);
    }

    /**
     * A crash of the database: the postmaster and its backends killed with {@code -9} mid-run, then
     * started again on the same data directory (crash recovery from the write-ahead log). With durable
     * commits, as in production, every commit a service was told about survives, so no event goes out
     * for a transaction the database then forgot: every event published during the run has its outbox
     * row in the owning service's database after the restart.
     */
    @Test
    void postgresql_killed_with_minus_9_mid_run_publishes_nothing_it_forgot_and_loses_nothing() throws Exception {
        EmbeddedPostgresServer postgres = platform.postgres();
        postgres.durableCommits(true);
        postgres.stop();
        postgres.start();
        platform.awaitAllReady();
        try {
            assertThat(setting("fsync")).isEqualTo("on");
            assertThat(setting("synchronous_commit")).isEqualTo("on");
            Instant begun = Instant.now();

            Workload workload = outage(postgres::kill, postgres::start);
            assertConverged(workload, "PostgreSQL killed with -9, down for " + OUTAGE.toSeconds() + " s");
            assertThat(workload.transientAnswers()).as("answers while the database was down").doesNotContainKey(500);
            assertThat(eventsWithoutTheirTransaction(begun)).as("events published for a transaction that did not survive")
                    .isEmpty();
        } finally {
            postgres.durableCommits(false);
            postgres.stop();
            postgres.start();
            platform.awaitAllReady();
        }
    }

    /** Events published since {@code since} whose id is in no service's outbox. */
    private static List<String> eventsWithoutTheirTransaction(Instant since) {
        Convergence database = new Convergence(platform);
        Events events = new Events(platform);
        List<String> orphans = new ArrayList<>();
        int published = 0;
        for (Topic topic : Topic.values()) {
            ServiceSpec owner = Arrays.stream(ServiceSpec.values())
                    .filter(service -> service.module().equals(topic.ownerService())).findFirst().orElseThrow();
            Set<String> outbox = new HashSet<>();
            database.query(owner, "select event_id from kit_outbox", row -> outbox.add(row.getString(1)));
            for (CloudEvent event : events.read(topic, key -> true)) {
                if (!event.time().isBefore(since)) {
                    published++;
                    if (!outbox.contains(event.id())) {
                        orphans.add(topic.topicName() + " " + event.type() + " " + event.subject() + " (" + event.id() + ")");
                    }
                }
            }
        }
        System.out.printf("PostgreSQL killed with -9: %d events published during the run, %d without their transaction%n",
                published, orphans.size());
        assertThat(published).as("events published during the run").isPositive();
        return orphans;
    }

    private static String setting(String name) {
        String[] value = new String[1];
        new Convergence(platform).query(ServiceSpec.WISH, "show " + name, row -> value[0] = row.getString(1));
        return value[0];
    }

    /**
     * The scaling claim of docs/scaling.md, on one machine: a second replica of wish-service and of
     * matching-service, as the HPAs add them. The workload's commands take turns between the two
     * wish-service replicas (one through the gateway, one called directly), so one wish's events come from
     * both; the second matching-service replica takes over some of wish.events' partitions. Every wish ends
     * as with one replica, is ranked, the read models agree (each wish's events applied in order), and the
     * second matching-service replica ranked a share. Throughput is the bench's: on two cores a replica adds
     * no CPU.
     */
    @Test
    void a_second_replica_of_wish_and_matching_service_shares_the_work_and_every_wish_ends_as_with_one() throws Exception {
        List<URI> replicas = platform.startReplicas(ServiceSpec.WISH, ServiceSpec.MATCHING);
        try {
            Workload workload = new Workload(community, unit, otherUnit, member, List.of(replicas.get(0)));
            workload.start();
            sleep(REPLICAS_RUN);
            assertConverged(workload, "a second replica of wish- and matching-service");
            assertThat(workload.expectedStatuses()).hasSizeGreaterThan(5);
            assertThat(ranked(workload.expectedStatuses().keySet().stream().map(UUID::fromString).toList()))
                    .as("wishes with candidates").isEqualTo(workload.expectedStatuses().size());
            assertThat(appliedByCandidates(replicas.get(1))).as("wishes the second matching-service replica ranked")
                    .isPositive();
        } finally {
            platform.stopReplicas();
        }
    }

    /** The workload runs, the server goes away for {@link #OUTAGE}, comes back, and the workload goes on. */
    private static Workload outage(Runnable stop, Runnable start) {
        Workload workload = startWorkload();
        stop.run();
        sleep(OUTAGE);
        start.run();
        sleep(Duration.ofSeconds(3));
        return workload;
    }

    private static Workload startWorkload() {
        Workload workload = new Workload(community, unit, otherUnit, member);
        workload.start();
        sleep(Duration.ofSeconds(4));
        return workload;
    }

    private static void assertConverged(Workload workload, String fault) throws InterruptedException {
        platform.awaitAllReady();
        workload.finish();
        System.out.printf("%s: %d wishes, %d commands, transient answers before success %s%n", fault,
                workload.expectedStatuses().size(), workload.commands(), workload.transientAnswers());
        assertThat(workload.anomalies()).as("answers other than success or a transient failure").isEmpty();

        ApiClient admin = community.admin();
        for (Map.Entry<String, String> wish : workload.expectedStatuses().entrySet()) {
            assertThat(admin.get("/api/wishes/" + wish.getKey()).expect(200).field("status")).as("wish %s", wish.getKey())
                    .isEqualTo(wish.getValue());
        }
        new Convergence(platform).await();
    }

    private static void sleep(Duration duration) {
        TestCommunity.sleep(duration.toMillis());
    }

    private static int ranked(List<UUID> wishes) throws SQLException {
        try (Connection matching = platform.database(ServiceSpec.MATCHING);
             PreparedStatement count = matching.prepareStatement("select count(*) from wish_candidates where wish_id = any(?)")) {
            Array ids = matching.createArrayOf("uuid", wishes.toArray());
            count.setArray(1, ids);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** How many submitted wishes the replica's candidates consumer applied, from its Prometheus endpoint. */
    private static double appliedByCandidates(URI replica) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(replica.resolve("/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        double applied = 0;
        Matcher line = APPLIED.matcher(metrics.body());
        while (line.find()) {
            applied += Double.parseDouble(line.group(1));
        }
        return applied;
    }
}
