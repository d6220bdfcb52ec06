package org.gridgov.kit.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.events.PoisonEventException;
import org.gridgov.kit.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs one Kafka listener container per {@link EventHandler}. A failing event is retried with
 * back-off; an event that keeps failing, or is poison, goes to the topic's dead-letter topic with
 * the error in its headers and the partition moves on. A failure of the infrastructure (the
 * database is down) is retried without limit instead, since every event would fail the same way.
 */
public class EventConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final List<EventHandler> handlers;
    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final Inbox inbox;
    private final ConsumerSettings settings;
    private final MeterRegistry meters;
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    public EventConsumers(List<EventHandler> handlers, ConsumerFactory<String, byte[]> consumerFactory,
                          KafkaTemplate<String, byte[]> deadLetters, Inbox inbox, ConsumerSettings settings,
                          MeterRegistry meters) {
        this.handlers = handlers;
        this.consumerFactory = consumerFactory;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * @param groupPrefix   prefix of every consumer group (the service name)
     * @param concurrency   consumer threads per handler (at most the partition count helps)
     * @param retries       attempts after the first before an event is dead-lettered
     * @param retryBackOff  first pause between attempts, doubling up to ten times that
     * @param handleTimeout longest time one event, or one batch, may take to apply
     * @param batchSize     most events polled, and applied in one transaction, at a time
     */
    public record ConsumerSettings(String groupPrefix, int concurrency, int retries, Duration retryBackOff,
                                   Duration handleTimeout, int batchSize) {
    }

    ConcurrentMessageListenerContainer<String, byte[]> containerFor(EventHandler handler) {
        String consumer = settings.groupPrefix() + "." + handler.name();
        ContainerProperties properties = new ContainerProperties(
                handler.topics().stream().map(Topic::topicName).toArray(String[]::new));
        properties.setGroupId(consumer);
        properties.setClientId(consumer);
        properties.setMessageListener((BatchMessageListener<String, byte[]>) records -> consume(consumer, handler, records));
        properties.getKafkaConsumerProperties().setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                String.valueOf(settings.batchSize()));
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        container.setConcurrency(settings.concurrency());
        container.setCommonErrorHandler(errorHandler(consumer));
        container.setBeanName(consumer);
        // from 0, so that an alert on its increase sees the first dead letter after a start too
        handler.topics().forEach(topic -> deadLettered(consumer, topic.topicName()));
        batchSize(consumer);
        return container;
    }

    /**
     * A polled batch is applied in one transaction when all of it can be; otherwise (one event fails,
     * or is poison) one event at a time, so that the failing one is found, retried and dead-lettered
     * on its own while those before it are kept.
     */
    private void consume(String consumer, EventHandler handler, List<ConsumerRecord<String, byte[]>> records) {
        batchSize(consumer).record(records.size());
        if (records.size() > 1) {
            try {
                if (applyTogether(consumer, handler, records)) {
                    return;
                }
            } catch (RuntimeException e) {
                log.debug("{} applies a batch of {} one event at a time: {}", consumer, records.size(), rootMessage(e));
            }
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                consume(consumer, handler, records.get(i));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
    }

    /** Applies the batch in one transaction; false, having done nothing, when one of its events is poison. */
    private boolean applyTogether(String consumer, EventHandler handler, List<ConsumerRecord<String, byte[]>> records) {
        List<CloudEvent> handled = new ArrayList<>(records.size());
        List<CloudEvent> passed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = CloudEventKafka.fromRecord(record);
            if (passedBy(handler, event).isPresent()) {
                passed.add(event);
            } else if (!EventSchemas.validate(event.type(), event.data()).isEmpty()) {
                return false;
            } else {
                handled.add(event);
            }
        }
        Set<String> applied = handled.isEmpty() ? Set.of()
                : inbox.applyAllOnce(consumer, handled, handler::handleAll).block(settings.handleTimeout());
        passed.forEach(event -> count(consumer, event, passedBy(handler, event).orElseThrow()));
        Set<String> counted = new HashSet<>();
        handled.forEach(event -> count(consumer, event, applied.contains(event.id()) && counted.add(event.id())
                ? "applied" : "duplicate"));
        return true;
    }

    /** Why the handler lets the event pass by, if it does: a type this build does not know, or one it does not handle. */
    private static Optional<String> passedBy(EventHandler handler, CloudEvent event) {
        if (EventType.byType(event.type()).isEmpty()) {
            // a newer producer's type this build does not know yet: not ours to fail on
            return Optional.of("unknown-type");
        }
        return handler.handles(event.type()) ? Optional.empty() : Optional.of("not-handled");
    }

    private void consume(String consumer, EventHandler handler, ConsumerRecord<String, byte[]> record) {
        CloudEvent event = CloudEventKafka.fromRecord(record);
        MDC.put(CorrelationId.KEY, event.correlation());
        try {
            Optional<String> passed = passedBy(handler, event);
            if (passed.isPresent()) {
                count(consumer, event, passed.get());
                return;
            }
            List<String> violations = EventSchemas.validate(event.type(), event.data());
            if (!violations.isEmpty()) {
                throw new PoisonEventException(event.type() + " " + event.id() + " does not match its schema: " + violations);
            }
            Boolean applied = inbox.applyOnce(consumer, event, handler::handle)
                    .contextWrite(ctx -> ctx.put(CorrelationId.KEY, event.correlation()))
                    .block(settings.handleTimeout());
            count(consumer, event, Boolean.TRUE.equals(applied) ? "applied" : "duplicate");
        } finally {
            MDC.remove(CorrelationId.KEY);
        }
    }

    private DefaultErrorHandler errorHandler(String consumer) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, ex) -> new TopicPartition(deadLetterTopic(record.topic()), -1));
        long initial = settings.retryBackOff().toMillis();
        ExponentialBackOff limited = new ExponentialBackOff(initial, 2.0);
        limited.setMaxInterval(initial * 10);
        limited.setMaxAttempts(settings.retries());
        DefaultErrorHandler errorHandler = new DefaultErrorHandler((record, ex) -> {
            deadLettered(consumer, record.topic()).increment();
            log.error("event {}-{}@{} dead-lettered by {}: {}", record.topic(), record.partition(), record.offset(),
                    consumer, rootMessage(ex));
            recoverer.accept(record, ex);
        }, limited);
        errorHandler.addNotRetryableExceptions(PoisonEventException.class);
        errorHandler.setBackOffFunction((record, ex) -> isInfrastructureFailure(ex) ? untilItWorks(initial) : null);
        return errorHandler;
    }

    private DistributionSummary batchSize(String consumer) {
        return DistributionSummary.builder("gridgov.events.batch.size")
                .description("events polled at a time, applied in one transaction unless one of them fails").tag("consumer", consumer)
                .register(meters);
    }

    private Counter deadLettered(String consumer, String topic) {
        return meters.counter("gridgov.events.dead.lettered", "consumer", consumer, "topic", topic);
    }

    static String deadLetterTopic(String topic) {
        return Topic.byName(topic).map(Topic::deadLetterTopic).orElse(topic + ".dlt");
    }

    private static BackOff untilItWorks(long initial) {
        ExponentialBackOff backOff = new ExponentialBackOff(initial, 2.0);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        return backOff;
    }

    static boolean isInfrastructureFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof R2dbcTransientException || t instanceof R2dbcNonTransientResourceException
                    || t instanceof java.net.ConnectException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t instanceof R2dbcException && t.getClass().getName().contains("PostgresConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }

    private void count(String consumer, CloudEvent event, String outcome) {
        Counter.builder("gridgov.events.consumed").description("events taken from Kafka, by outcome")
                .tags("consumer", consumer, "type", event.type(), "outcome", outcome)
                .register(meters).increment();
    }

    @Override
    public void start() {
        for (EventHandler handler : handlers) {
            ConcurrentMessageListenerContainer<String, byte[]> container = containerFor(handler);
            container.start();
            containers.add(container);
        }
        log.info("consuming events for {}", handlers.stream().map(EventHandler::name).toList());
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
    }

    @Override
    public boolean isRunning() {
        return !containers.isEmpty();
    }

    /** Stops after the web server has drained, like the outbox relay. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
