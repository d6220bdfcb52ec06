package org.gridgov.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridgov.kit.test.KafkaTopicReader.header;
import static org.gridgov.kit.test.KafkaTopicReader.value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.contracts.Topic;
import org.gridgov.contracts.events.GridNodeRetired;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The event backbone against a real PostgreSQL and a real Kafka broker: outbox, relay, inbox,
 * retries and the dead-letter topic, observed from outside the service.
 */
@Import(EventBackboneIT.AppliedNodes.class)
@TestPropertySource(properties = {
        // the relay never polls within a test: every event here leaves because its commit woke the relay
        "gridgov.outbox.poll-interval=1h",
        // give up on an unreachable broker within seconds, so the relay's failure path is exercised
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000"})
class EventBackboneIT extends ServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static KafkaTopicReader gridEvents;
    private static KafkaTopicReader deadLetters;
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void observe() {
        String bootstrap = infrastructure().kafka().bootstrapServers();
        infrastructure().kafka().createTopics(Set.of("grid.events", "grid.events.dlt"), 3);
        gridEvents = new KafkaTopicReader(bootstrap, "grid.events");
        deadLetters = new KafkaTopicReader(bootstrap, "grid.events.dlt");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopObserving() {
        gridEvents.close();
        deadLetters.close();
        producer.close();
    }

    @Test
    void a_committed_change_publishes_exactly_one_cloud_event() {
        var response = createParcel("Grid 1");
        String id = response.id();

        var records = gridEvents.await(r -> id.equals(r.key()), 1, PATIENCE);
        var record = records.get(0);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("org.gridgov.gridnode.created.v1");
        assertThat(header(record, "ce_source")).isEqualTo("grid-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(Instant.parse(header(record, "ce_time"))).isBefore(Instant.now());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_correlationid")).isEqualTo(response.correlationId());
        assertThat(value(record)).contains("\"nodeId\":\"" + id + "\"").contains("\"name\":\"Grid 1\"");

        assertThat(gridEvents.settle(r -> id.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);
        await().atMost(PATIENCE).until(() -> unsentRows() == 0);
    }

    @Test
    void a_rolled_back_change_publishes_nothing() {
        String doomed = "doomed-" + UUID.randomUUID();
        web.post().uri("/api/parcels/failing").headers(this::authorised)
                .bodyValue(Map.of("name", doomed))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        // a later change is published; by then the rolled-back one would have been too
        String later = createParcel("after the rollback").id();
        gridEvents.await(r -> later.equals(r.key()), 1, PATIENCE);

        assertThat(gridEvents.settle(r -> value(r).contains(doomed), Duration.ofSeconds(1))).isEmpty();
        assertThat(count("select count(*) from parcel where name = '" + doomed + "'")).isZero();
        assertThat(count("select count(*) from kit_outbox where data->>'name' = '" + doomed + "'")).isZero();
    }

    @Test
    void the_relay_catches_up_after_the_broker_was_down() {
        infrastructure().kafka().stop();
        String[] ids = new String[5];
        try {
            for (int i = 0; i < ids.length; i++) {
                // the service keeps taking changes while the broker is away
                ids[i] = createParcel("while Kafka is down " + i).id();
            }
            double failuresBefore = relayFailures();
            await().atMost(PATIENCE).until(() -> relayFailures() > failuresBefore);
            assertThat(unsentRows()).isGreaterThanOrEqualTo(ids.length);
        } finally {
            infrastructure().kafka().start();
        }
        for (String id : ids) {
            gridEvents.await(r -> id.equals(r.key()), 1, PATIENCE.multipliedBy(2));
        }
        await().atMost(PATIENCE).until(() -> unsentRows() == 0);
    }

    @Test
    void a_redelivered_event_is_applied_once() {
        String nodeId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        double duplicatesBefore = consumed("duplicate");
        send(event(eventId, nodeId, "delivered twice"));
        send(event(eventId, nodeId, "delivered twice"));

        await().atMost(PATIENCE).until(() -> consumed("duplicate") >= duplicatesBefore + 1);
        assertThat(applications(nodeId)).contains(1);
        assertThat(count("select count(*) from kit_inbox where event_id = '" + eventId + "'")).isEqualTo(1);
    }

    @Test
    void an_event_of_a_type_a_consumer_does_not_handle_passes_it_by_without_an_inbox_row() {
        String nodeId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        double passedBefore = consumed("not-handled", "retired-nodes");
        send(event(eventId, nodeId, "created, not retired"));

        await().atMost(PATIENCE).until(() -> applications(nodeId).isPresent()
                && consumed("not-handled", "retired-nodes") > passedBefore);
        assertThat(AppliedNodes.retired).doesNotContain(nodeId);
        assertThat(count("select count(*) from kit_inbox where event_id = '" + eventId + "' and consumer like '%.applied-nodes'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from kit_inbox where event_id = '" + eventId + "' and consumer like '%.retired-nodes'"))
                .isZero();
    }

    @Test
    void a_failing_handler_is_retried_and_then_applied_once() {
        String nodeId = UUID.randomUUID().toString();
        AppliedNodes.failuresToCome.put(nodeId, new AtomicInteger(2));
        send(event(UUID.randomUUID().toString(), nodeId, "flaky"));

        await().atMost(PATIENCE).until(() -> applications(nodeId).isPresent());
        assertThat(applications(nodeId)).contains(1);
        assertThat(AppliedNodes.failuresToCome.get(nodeId).get()).isZero();
    }

    @Test
    void a_poison_event_goes_to_the_dead_letter_topic_and_the_partition_moves_on() {
        String key = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>("grid.events", key, "not an event".getBytes(StandardCharsets.UTF_8)));
        String badData = UUID.randomUUID().toString();
        send(envelope(badData, key, "{\"nodeId\":\"not-a-uuid\"}"));
        String goodEvent = UUID.randomUUID().toString();
        send(event(goodEvent, key, "after the poison"));

        var dead = deadLetters.await(r -> key.equals(r.key()) && deadLetteredBy(r, "applied-nodes"), 2, PATIENCE);
        assertThat(dead).allSatisfy(r -> assertThat(header(r, "kafka_dlt-exception-message")).isNotBlank());
        assertThat(dead).anySatisfy(r -> assertThat(header(r, "kafka_dlt-exception-message")).contains("ce_specversion"));
        assertThat(dead).anySatisfy(r -> assertThat(header(r, "kafka_dlt-exception-message")).contains("schema"));
        await().atMost(PATIENCE).until(() -> applications(key).isPresent());
        // what is not an event at all is poison to every consumer; bad data of a type it does not handle is not its business
        var deadToTheOther = deadLetters.await(r -> key.equals(r.key()) && deadLetteredBy(r, "retired-nodes"), 1, PATIENCE);
        assertThat(deadToTheOther).singleElement()
                .satisfies(r -> assertThat(header(r, "kafka_dlt-exception-message")).contains("ce_specversion"));
        assertThat(deadLetters.settle(r -> key.equals(r.key()) && deadLetteredBy(r, "retired-nodes"), Duration.ofSeconds(1)))
                .hasSize(1);
    }

    @Test
    void an_event_that_keeps_failing_is_dead_lettered_with_its_error() {
        String nodeId = UUID.randomUUID().toString();
        AppliedNodes.failuresToCome.put(nodeId, new AtomicInteger(Integer.MAX_VALUE));
        send(event(UUID.randomUUID().toString(), nodeId, "hopeless"));

        var dead = deadLetters.await(r -> nodeId.equals(r.key()), 1, PATIENCE);
        assertThat(header(dead.get(0), "kafka_dlt-exception-message")).contains("handler refused " + nodeId);
        assertThat(header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo("grid.events");
        assertThat(applications(nodeId)).isEmpty();
    }

    @Test
    void events_polled_together_are_each_applied_once_and_one_failing_among_them_is_dead_lettered_alone() {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            nodes.add(UUID.randomUUID().toString());
        }
        String hopeless = nodes.get(5);
        AppliedNodes.failuresToCome.put(hopeless, new AtomicInteger(Integer.MAX_VALUE));
        String twice = UUID.randomUUID().toString();
        for (String node : nodes) {
            producer.send(event(node.equals(nodes.get(2)) ? twice : UUID.randomUUID().toString(), node, "together"));
        }
        producer.send(event(twice, nodes.get(2), "together"));
        producer.flush();

        var dead = deadLetters.await(r -> hopeless.equals(r.key()) && deadLetteredBy(r, "applied-nodes"), 1, PATIENCE);
        assertThat(header(dead.get(0), "kafka_dlt-exception-message")).contains("handler refused " + hopeless);
        for (String node : nodes) {
            if (!node.equals(hopeless)) {
                await().atMost(PATIENCE).until(() -> applications(node).isPresent());
                assertThat(applications(node)).as(node).contains(1);
            }
        }
        assertThat(applications(hopeless)).isEmpty();
        assertThat(deadLetters.settle(r -> nodes.contains(r.key()) && deadLetteredBy(r, "applied-nodes"), Duration.ofSeconds(1)))
                .hasSize(1);
    }

    // ---- helpers

    private record Created(String id, String correlationId) {
    }

    private Created createParcel(String name) {
        var result = web.post().uri("/api/parcels").headers(this::authorised)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        return new Created(String.valueOf(result.getResponseBody().get("id")),
                result.getResponseHeaders().getFirst("X-Correlation-Id"));
    }

    private void authorised(org.springframework.http.HttpHeaders headers) {
        headers.setBearerAuth(token("GRID_STAFF"));
    }

    private static ProducerRecord<String, byte[]> event(String eventId, String nodeId, String name) {
        return envelope(eventId, nodeId, "{\"nodeId\":\"" + nodeId + "\",\"kind\":\"GRID\",\"name\":\"" + name
                + "\",\"path\":[],\"occurredAt\":\"" + Instant.now() + "\"}");
    }

    private static ProducerRecord<String, byte[]> envelope(String eventId, String subject, String data) {
        return CloudEventKafka.toRecord("grid.events", new CloudEvent(eventId, "org.gridgov.gridnode.created.v1",
                "grid-service", subject, Instant.now(), Optional.empty(), data));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record);
        producer.flush();
    }

    private static boolean deadLetteredBy(ConsumerRecord<String, byte[]> record, String handler) {
        return header(record, "kafka_dlt-original-consumer-group").endsWith("." + handler);
    }

    private long unsentRows() {
        return count("select count(*) from kit_outbox where sent_at is null");
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private Optional<Integer> applications(String nodeId) {
        return db.sql("select applications from applied_node where node_id = :id").bind("id", UUID.fromString(nodeId))
                .map(row -> row.get(0, Integer.class)).one().blockOptional();
    }

    private double relayFailures() {
        return meters.get("gridgov.outbox.publish.failures").counter().count();
    }

    private double consumed(String outcome) {
        var counter = meters.find("gridgov.events.consumed").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double consumed(String outcome, String handler) {
        return meters.find("gridgov.events.consumed").tag("outcome", outcome).counters().stream()
                .filter(counter -> counter.getId().getTag("consumer").endsWith("." + handler))
                .mapToDouble(Counter::count).sum();
    }

    /** A read model fed from grid.events; it can be told to fail for a node a number of times. */
    @TestConfiguration
    static class AppliedNodes {

        static final Map<String, AtomicInteger> failuresToCome = new ConcurrentHashMap<>();
        static final Set<String> retired = ConcurrentHashMap.newKeySet();

        /** A read model of retirements only: the nodes created on the same topic are not its business. */
        @Bean
        EventHandler retiredNodes() {
            return TypedEventHandler.named("retired-nodes")
                    .on(GridNodeRetired.class, event -> Mono.fromRunnable(() -> retired.add(event.nodeId().toString())));
        }

        @Bean
        EventHandler appliedNodes(DatabaseClient db) {
            return new EventHandler() {
                @Override
                public String name() {
                    return "applied-nodes";
                }

                @Override
                public Set<Topic> topics() {
                    return Set.of(Topic.GRID_EVENTS);
                }

                @Override
                public Mono<Void> handle(CloudEvent event) {
                    AtomicInteger failures = failuresToCome.get(event.subject());
                    if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return Mono.error(new IllegalStateException("handler refused " + event.subject()));
                    }
                    String name = event.data().replaceAll(".*\"name\":\"([^\"]*)\".*", "$1");
                    return db.sql("""
                                    insert into applied_node (node_id, name, applications) values (:id, :name, 1)
                                    on conflict (node_id) do update set applications = applied_node.applications + 1""")
                            .bind("id", UUID.fromString(event.subject())).bind("name", name)
                            .fetch().rowsUpdated().then();
                }
            };
        }
    }
}
