package org.gridgov.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/** Validates the {@code data} of an event against the JSON Schema of its type. */
public final class EventSchemas {

    private EventSchemas() {
    }

    /**
     * @return human-readable violations, empty when the data is valid; an unknown type or data that is not
     *     JSON is a violation too, so a consumer can route either to its dead-letter topic the same way
     */
    public static List<String> validate(String type, String jsonData) {
        return EventType.byType(type)
                .map(eventType -> validate(eventType, jsonData))
                .orElseGet(() -> List.of("unknown event type '" + type + "'"));
    }

    public static List<String> validate(EventType type, String jsonData) {
        if (jsonData == null) {
            return List.of("no data");
        }
        try {
            return Loaded.SCHEMAS.get(type).validate(jsonData, InputFormat.JSON).stream()
                    .map(Error::toString)
                    .toList();
        } catch (JacksonException notJson) {
            return List.of("data is not JSON: " + notJson.getOriginalMessage());
        }
    }

    /** Holder idiom: the schemas are read and compiled once, on first use, and only read after that. */
    private static final class Loaded {
        static final Map<EventType, Schema> SCHEMAS = load();

        private static Map<EventType, Schema> load() {
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    // draft 2020-12 only annotates "format"; ids and times must really be UUIDs and instants
                    .formatAssertionsEnabled(true)
                    // compile every $ref now, so validation never mutates a schema shared between threads
                    .preloadSchema(true)
                    .build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
            return Arrays.stream(EventType.values()).collect(Collectors.toUnmodifiableMap(
                    Function.identity(),
                    type -> registry.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()))));
        }
    }
}
