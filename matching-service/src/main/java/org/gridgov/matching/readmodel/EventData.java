package org.gridgov.matching.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.events.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The data of a consumed event (already validated against its schema by the kit), with typed accessors. */
public record EventData(JsonNode json) {

    public static EventData of(JsonMapper mapper, CloudEvent event) {
        return new EventData(mapper.readTree(event.data()));
    }

    public String text(String field) {
        return json.hasNonNull(field) ? json.get(field).asString() : null;
    }

    public UUID uuid(String field) {
        String text = text(field);
        return text == null ? null : UUID.fromString(text);
    }

    public UUID[] uuids(String field) {
        return json.path(field).valueStream().map(node -> UUID.fromString(node.asString())).toArray(UUID[]::new);
    }

    public int integer(String field) {
        return json.path(field).asInt();
    }

    public OffsetDateTime time(String field) {
        String text = text(field);
        return text == null ? null : OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
    }

    public EventData at(String field) {
        return new EventData(json.path(field));
    }

    public List<EventData> list(String field) {
        return json.path(field).valueStream().map(EventData::new).toList();
    }
}
