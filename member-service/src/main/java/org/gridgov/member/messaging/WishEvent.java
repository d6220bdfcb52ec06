package org.gridgov.member.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.PoisonEventException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event from {@code wish.events} with the fields this service reads. The kit has already checked
 * the data against the type's schema; a value that still cannot be read makes the event poison.
 */
public record WishEvent(EventType type, UUID wishId, Instant occurredAt, JsonNode data) {

    /** The wish's claimer: a member unit or a party member claiming in person. */
    public record Claimer(String kind, UUID id) {
        public boolean isUnit() {
            return kind.equals("UNIT");
        }

        public boolean isPartyMember() {
            return kind.equals("PARTY_MEMBER");
        }
    }

    /** Empty for events of other topics' types or of types this build does not know. */
    public static Optional<WishEvent> read(JsonMapper json, CloudEvent event) {
        Optional<EventType> type = EventType.byType(event.type());
        if (type.isEmpty() || !type.get().topic().topicName().equals("wish.events")) {
            return Optional.empty();
        }
        JsonNode data = json.readTree(event.data());
        Instant occurredAt = data.has("occurredAt") ? instant(data.get("occurredAt").asString()) : event.time();
        UUID wishId = data.has("wishId") ? uuid(data.get("wishId").asString()) : null;
        return Optional.of(new WishEvent(type.get(), wishId, occurredAt, data));
    }

    public Optional<Claimer> claimer() {
        JsonNode claimer = data.path("claimer");
        if (!claimer.has("kind") || !claimer.has("id")) {
            return Optional.empty();
        }
        return Optional.of(new Claimer(claimer.get("kind").asString(), uuid(claimer.get("id").asString())));
    }

    public Optional<String> text(String field) {
        return data.hasNonNull(field) ? Optional.of(data.get(field).asString()) : Optional.empty();
    }

    public Optional<UUID> uuidField(String field) {
        return text(field).map(WishEvent::uuid);
    }

    public Optional<Instant> instantField(String field) {
        return text(field).map(WishEvent::instant);
    }

    public Optional<Integer> intField(String field) {
        return data.hasNonNull(field) ? Optional.of(data.get(field).asInt()) : Optional.empty();
    }

    public List<UUID> uuids(String field) {
        List<UUID> ids = new ArrayList<>();
        data.path(field).values().forEach(node -> ids.add(uuid(node.asString())));
        return ids;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("not a UUID in a wish event: " + text);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new PoisonEventException("not an ISO-8601 instant in a wish event");
        }
    }
}
