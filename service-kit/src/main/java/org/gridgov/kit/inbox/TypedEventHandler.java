package org.gridgov.kit.inbox;

import java.util.EnumMap;
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
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * An {@link EventHandler} that applies other services' events as their records, one function per type:
 * {@code TypedEventHandler.named("candidates").on(WishSubmitted.class, this::rank)}, usually returned by an
 * {@link EventSubscriber}. It is subscribed to the topics of those types. Events of other types on those
 * topics are skipped; fields this build does not know are ignored. The kit has checked the data against the
 * type's schema before this runs, so a record that still cannot be read makes the event poison.
 */
public final class TypedEventHandler implements EventHandler {

    private final String name;
    private final Map<EventType, Function<Event, Mono<Void>>> handlers = new EnumMap<>(EventType.class);

    private TypedEventHandler(String name) {
        this.name = name;
    }

    /** @param name stable and unique within the service: part of the consumer group and the inbox key */
    public static TypedEventHandler named(String name) {
        return new TypedEventHandler(name);
    }

    /** Applies every event of the record's type with {@code apply}, in the inbox's transaction. */
    public <E extends Event> TypedEventHandler on(Class<E> recordType, Function<? super E, Mono<Void>> apply) {
        EventType type = EventType.of(recordType);
        if (handlers.putIfAbsent(type, event -> apply.apply(recordType.cast(event))) != null) {
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
        EventType type = EventType.byType(event.type()).orElse(null);
        Function<Event, Mono<Void>> handler = type == null ? null : handlers.get(type);
        if (handler == null) {
            return Mono.empty();
        }
        Event data;
        try {
            data = EventJson.read(type, event.data());
        } catch (JacksonException unreadable) {
            return Mono.error(new PoisonEventException(event.type() + " " + event.id() + " cannot be read as "
                    + type.recordType().getSimpleName() + ": " + unreadable.getOriginalMessage()));
        }
        return handler.apply(data);
    }
}
