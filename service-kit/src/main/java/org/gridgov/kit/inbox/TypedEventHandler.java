package org.gridgov.kit.inbox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.contracts.events.Event;
import org.gridgov.contracts.events.EventJson;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.PoisonEventException;
import org.gridgov.kit.web.CorrelationId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * An {@link EventHandler} that applies other services' events as their records, one function per type:
 * {@code TypedEventHandler.named("candidates").on(WishSubmitted.class, this::rank)}, usually returned by an
 * {@link EventSubscriber}. It is subscribed to the topics of those types. Events of other types on those
 * topics are skipped; fields this build does not know are ignored. The kit has checked the data against the
 * type's schema before this runs, so a record that still cannot be read makes the event poison.
 * A type registered with {@link #onBatch} gets each run of consecutive events of that type in a polled
 * batch as one list, for handlers that apply a set with fewer round trips than one event at a time.
 */
public final class TypedEventHandler implements EventHandler {

    private final String name;
    /** Per type, what applies a run of its events: one at a time unless registered with {@link #onBatch}. */
    private final Map<EventType, Function<List<Delivered<Event>>, Mono<Void>>> handlers = new EnumMap<>(EventType.class);
    private final Set<EventType> batched = EnumSet.noneOf(EventType.class);

    private TypedEventHandler(String name) {
        this.name = name;
    }

    /** @param name stable and unique within the service: part of the consumer group and the inbox key */
    public static TypedEventHandler named(String name) {
        return new TypedEventHandler(name);
    }

    /** Applies every event of the record's type with {@code apply}, in the inbox's transaction. */
    public <E extends Event> TypedEventHandler on(Class<E> recordType, Function<? super E, Mono<Void>> apply) {
        return register(recordType, run -> apply.apply(recordType.cast(run.get(0).event())));
    }

    /**
     * Applies the events of the record's type with {@code apply}, a run of consecutive ones of a polled
     * batch at a time (in their order; a single event is a run of one), in the inbox's transaction.
     */
    @SuppressWarnings("unchecked")
    public <E extends Event> TypedEventHandler onBatch(Class<E> recordType, Function<List<Delivered<E>>, Mono<Void>> apply) {
        register(recordType, run -> apply.apply((List<Delivered<E>>) (List<?>) run));
        batched.add(EventType.of(recordType));
        return this;
    }

    private TypedEventHandler register(Class<? extends Event> recordType, Function<List<Delivered<Event>>, Mono<Void>> apply) {
        EventType type = EventType.of(recordType);
        if (handlers.putIfAbsent(type, apply) != null) {
            throw new IllegalStateException(name + " handles " + type.type() + " twice");
        }
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Topic> topics() {
        return handlers.keySet().stream().map(EventType::topic).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean handles(String type) {
        return EventType.byType(type).map(handlers::containsKey).orElse(false);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        return handleAll(List.of(event));
    }

    @Override
    public Mono<Void> handleAll(List<CloudEvent> events) {
        return Flux.fromIterable(runs(events)).concatMap(this::apply).then();
    }

    /** Consecutive events of one batch type together; every other event on its own. */
    private List<List<CloudEvent>> runs(List<CloudEvent> events) {
        List<List<CloudEvent>> runs = new ArrayList<>();
        EventType previous = null;
        for (CloudEvent event : events) {
            EventType type = EventType.byType(event.type()).orElse(null);
            if (type != null && type == previous && batched.contains(type)) {
                runs.get(runs.size() - 1).add(event);
            } else {
                runs.add(new ArrayList<>(List.of(event)));
            }
            previous = type;
        }
        return runs;
    }

    private Mono<Void> apply(List<CloudEvent> run) {
        CloudEvent first = run.get(0);
        EventType type = EventType.byType(first.type()).orElse(null);
        if (type == null || !handlers.containsKey(type)) {
            return Mono.empty();
        }
        List<Delivered<Event>> delivered = new ArrayList<>(run.size());
        for (CloudEvent event : run) {
            try {
                delivered.add(new Delivered<>(EventJson.read(type, event.data()), event.correlation()));
            } catch (JacksonException unreadable) {
                return Mono.error(new PoisonEventException(event.type() + " " + event.id() + " cannot be read as "
                        + type.recordType().getSimpleName() + ": " + unreadable.getOriginalMessage()));
            }
        }
        return handlers.get(type).apply(delivered).contextWrite(ctx -> ctx.put(CorrelationId.KEY, first.correlation()));
    }
}
