package org.gridgov.contracts.events;

import java.lang.reflect.RecordComponent;

import org.gridgov.contracts.EventType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How event records become the JSON {@code data} of an event and back, the same for every producer and
 * consumer whatever their own JSON settings: instants as ISO-8601 text, optional properties left out
 * when null, and properties this build does not know ignored on reading (a newer producer may add some).
 */
public final class EventJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(Event event) {
        return JSON.writeValueAsString(event);
    }

    /** The record of {@code type} read from its JSON data; the data is expected to match the type's schema. */
    public static Event read(EventType type, String data) {
        return JSON.readValue(data, type.recordType());
    }

    /** The value of the type's subject field in the event's data: the Kafka key and CloudEvents subject. */
    public static String subject(Event event) {
        String field = event.eventType().subjectField();
        try {
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                if (component.getName().equals(field)) {
                    return String.valueOf(component.getAccessor().invoke(event));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(event.getClass().getSimpleName() + " has no " + field);
    }
}
