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
 * An {@link EventHandler} that applies other services' events as their records: a subclass registers
 * one handler per type in its constructor, {@code on(WishSubmitted.class, this::apply)}, and is
 * subscribed to the topics of those types. Events of other types on those topics are skipped; fields
 * this build does not know are ignored. The kit has checked the data against the type's schema before
 * this runs, so a record that still cannot be read makes the event poison.
 */
public abstract class TypedEventHandler implements EventHandler {

    private final String name;
    private final Map<EventType, Function<Event, Mono<Void>>> handlers = new EnumMap<>(EventType.class);

    /** @param name stable and unique within the service: part of the consumer group and the inbox key */
    protected TypedEventHandler(String name) {
        this.name = name;
    }

    /** Applies every event of the record's type with {@code apply}, in the inbox's transaction. */
    protected final <E extends Event> void on(Class<E> recordType, Function<? super E, Mono<Void>> apply) {
        EventType type = EventType.of(recordType);
        if (handlers.putIfAbsent(type, event -> apply.apply(recordType.cast(event))) != null) {
            throw new IllegalStateException(name + " handles " + type.type() + " twice");
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<Topic> topics() {
        return handlers.keySet().stream().map(EventType::topic).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public final boolean handles(String type) {
        return EventType.byType(type).map(handlers::containsKey).orElse(false);
    }

    @Override
    public final Mono<Void> handle(CloudEvent event) {
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
