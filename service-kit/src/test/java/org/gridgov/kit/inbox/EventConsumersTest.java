package org.gridgov.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class EventConsumersTest {

    @Test
    void a_database_outage_is_retried_without_limit_rather_than_dead_lettered() {
        assertThat(EventConsumers.isInfrastructureFailure(
                new DataAccessResourceFailureException("pool", new ConnectException("refused")))).isTrue();
        assertThat(EventConsumers.isInfrastructureFailure(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void a_bug_in_a_handler_is_not_an_infrastructure_failure() {
        assertThat(EventConsumers.isInfrastructureFailure(new IllegalStateException("bad data"))).isFalse();
    }

    @Test
    void a_consumer_counts_its_dead_letters_from_zero_before_the_first_one() {
        // a counter that first appears at 1 hides its first increase from an alert on increase()
        EventHandler handler = new EventHandler() {
            @Override
            public String name() {
                return "read-model";
            }

            @Override
            public Set<Topic> topics() {
                return Set.of(Topic.GRID_EVENTS, Topic.WISH_EVENTS);
            }

            @Override
            public Mono<Void> handle(CloudEvent event) {
                return Mono.empty();
            }
        };
        MeterRegistry meters = new SimpleMeterRegistry();
        EventConsumers consumers = new EventConsumers(List.of(handler), new DefaultKafkaConsumerFactory<>(Map.of()),
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of())), null, new EventConsumers.ConsumerSettings("svc", 1, 3, Duration.ofMillis(100), Duration.ofSeconds(5), 50),
                meters);
        consumers.containerFor(handler);
        for (Topic topic : handler.topics()) {
            assertThat(meters.get("gridgov.events.dead.lettered").tags("consumer", "svc.read-model", "topic", topic.topicName())
                    .counter().count()).isZero();
        }
    }

    @Test
    void dead_letters_go_to_the_topic_of_the_registry() {
        assertThat(EventConsumers.deadLetterTopic("wish.events")).isEqualTo("wish.events.dlt");
        assertThat(EventConsumers.deadLetterTopic("someone.elses")).isEqualTo("someone.elses.dlt");
    }
}
