package org.gridgov.kit.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.data.DataKitAutoConfiguration;
import org.gridgov.kit.inbox.EventConsumers;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.Inbox;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.outbox.OutboxProperties;
import org.gridgov.kit.outbox.OutboxRelay;
import org.gridgov.kit.outbox.OutboxWakeUps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The event backbone of a domain service: outbox and relay for the events it owns, inbox and
 * listener containers for the {@link EventHandler}s it declares, the kit's migrations, and the
 * topics it writes to (its own topic, and the dead-letter topics of what it consumes).
 */
@AutoConfiguration(after = DataKitAutoConfiguration.class, afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration"})
@ConditionalOnClass({DatabaseClient.class, KafkaTemplate.class})
@ConditionalOnBean(DatabaseClient.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, byte[]> eventKafkaTemplate(ProducerFactory<?, ?> producerFactory) {
        return new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory);
    }

    @Bean
    Outbox outbox(DatabaseClient db, Clock clock) {
        return new Outbox(db, clock);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> eventKafkaTemplate,
                            OutboxProperties properties, @Value("${spring.application.name}") String source,
                            MeterRegistry meters, ConnectionFactory connections) {
        return new OutboxRelay(db, tx, eventKafkaTemplate, properties, source, meters, new OutboxWakeUps(connections));
    }

    @Bean
    Inbox inbox(DatabaseClient db, TransactionalOperator tx) {
        return new Inbox(db, tx);
    }

    /** The service's handlers, built once: those it declares as beans and those its {@link EventSubscriber}s build. */
    @Bean
    ServiceHandlers serviceEventHandlers(ObjectProvider<EventHandler> handlers, ObjectProvider<EventSubscriber> subscribers) {
        return new ServiceHandlers(Stream.concat(handlers.orderedStream(),
                subscribers.orderedStream().map(EventSubscriber::handlers)).toList());
    }

    @Bean
    @SuppressWarnings("unchecked")
    EventConsumers eventConsumers(ServiceHandlers handlers, ConsumerFactory<?, ?> consumerFactory,
                                  KafkaTemplate<String, byte[]> eventKafkaTemplate, Inbox inbox, MeterRegistry meters,
                                  @Value("${spring.application.name}") String service,
                                  @Value("${gridgov.events.consumer-concurrency:1}") int concurrency,
                                  @Value("${gridgov.events.retries:4}") int retries,
                                  @Value("${gridgov.events.retry-back-off:200ms}") Duration retryBackOff,
                                  @Value("${gridgov.events.handle-timeout:30s}") Duration handleTimeout,
                                  @Value("${gridgov.events.batch-size:50}") int batchSize) {
        return new EventConsumers(handlers.all(), (ConsumerFactory<String, byte[]>) consumerFactory,
                eventKafkaTemplate, inbox,
                new EventConsumers.ConsumerSettings(service, concurrency, retries, retryBackOff, handleTimeout,
                        batchSize), meters);
    }

    @Bean
    KafkaAdmin.NewTopics eventTopics(ServiceHandlers handlers, @Value("${spring.application.name}") String service,
                                     @Value("${gridgov.events.partitions:3}") int partitions,
                                     @Value("${gridgov.events.replication-factor:1}") short replication) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            boolean owned = topic.ownerService().equals(service);
            boolean consumed = handlers.all().stream().anyMatch(handler -> handler.topics().contains(topic));
            if (owned) {
                topics.add(new NewTopic(topic.topicName(), partitions, replication));
            }
            if (owned || consumed) {
                topics.add(new NewTopic(topic.deadLetterTopic(), partitions, replication));
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Every {@link EventHandler} of the service, for its consumers and for the topics it needs. */
    record ServiceHandlers(List<EventHandler> all) {
    }
}
