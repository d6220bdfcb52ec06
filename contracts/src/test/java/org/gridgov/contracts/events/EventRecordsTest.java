package org.gridgov.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.contracts.Category;
import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each event type's record and its JSON Schema describe the same data: every schema property is a record
 * component of a compatible type and the other way round, required properties are exactly the components
 * that may not be null, and the sample event reads into the record and writes back unchanged.
 */
class EventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final JsonNode COMMON = JSON.readTree(read("/schemas/common.json")).path("$defs");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_record_has_exactly_the_schemas_properties_with_compatible_types(EventType type) {
        List<String> mismatches = new ArrayList<>();
        compareObject(type.type(), JSON.readTree(read(type.schemaResource())), type.recordType(), mismatches);

        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_sample_reads_into_the_record_and_writes_back_the_same_valid_data(EventType type) {
        String sample = read("/samples/" + type.type() + ".json");

        Event event = EventJson.read(type, sample);
        String written = EventJson.write(event);

        assertThat(event).isInstanceOf(type.recordType());
        assertThat(event.eventType()).isEqualTo(type);
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(sample));
        assertThat(EventSchemas.validate(type, written)).isEmpty();
        assertThat(EventJson.subject(event)).isEqualTo(JSON.readTree(sample).path(type.subjectField()).asString());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fields_a_newer_producer_added_are_ignored_on_reading(EventType type) {
        ObjectNode sample = (ObjectNode) JSON.readTree(read("/samples/" + type.type() + ".json"));
        sample.put("addedInALaterRelease", "some value");

        assertThat(EventJson.read(type, sample.toString()))
                .isEqualTo(EventJson.read(type, read("/samples/" + type.type() + ".json")));
    }

    @Test
    void an_optional_property_left_null_is_left_out_of_the_data() {
        WishReleased released = new WishReleased(UUID.randomUUID(), new Actor("sla-timer", "SYSTEM"),
                Instant.parse("2026-03-14T09:30:00Z"), "DISPATCHED", new Claimer("UNIT", UUID.randomUUID()), null);

        String written = EventJson.write(released);

        assertThat(JSON.readTree(written).has("reason")).isFalse();
        assertThat(JSON.readTree(written).path("occurredAt").asString()).isEqualTo("2026-03-14T09:30:00Z");
        assertThat(EventSchemas.validate(EventType.WISH_RELEASED, written)).isEmpty();
    }

    @Test
    void every_record_belongs_to_one_type() {
        Set<Class<? extends Event>> records = Arrays.stream(EventType.values()).map(EventType::recordType)
                .collect(Collectors.toSet());

        assertThat(records).hasSize(EventType.values().length);
        assertThat(EventType.of(WishSubmitted.class)).isEqualTo(EventType.WISH_SUBMITTED);
    }

    private static void compareObject(String where, JsonNode schema, Class<?> record, List<String> out) {
        if (!record.isRecord()) {
            out.add(where + " is an object but " + record.getSimpleName() + " is not a record");
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, component -> component));
        Set<String> properties = new HashSet<>(schema.path("properties").propertyNames());
        components.keySet().stream().filter(name -> !properties.contains(name))
                .forEach(name -> out.add(where + "." + name + " is a component but not a schema property"));
        schema.path("properties").properties().forEach(property -> {
            String path = where + "." + property.getKey();
            RecordComponent component = components.get(property.getKey());
            if (component == null) {
                out.add(path + " is a schema property but not a component");
                return;
            }
            boolean nullable = component.isAnnotationPresent(Nullable.class);
            if (required.contains(property.getKey()) == nullable) {
                out.add(path + (nullable ? " is required but @Nullable" : " is optional but not @Nullable"));
            }
            if (nullable && component.getType().isPrimitive()) {
                out.add(path + " is optional but primitive, so it cannot be left out");
            }
            compareValue(path, property.getValue(), component.getGenericType(), out);
        });
    }

    private static void compareValue(String where, JsonNode schema, Type type, List<String> out) {
        JsonNode resolved = resolve(schema);
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        String ref = schema.path("$ref").asString("");
        if (ref.endsWith("/uuid")) {
            expect(where, raw, out, UUID.class);
        } else if (ref.endsWith("/instant")) {
            expect(where, raw, out, Instant.class);
        } else if (ref.endsWith("/category")) {
            expect(where, raw, out, Category.class);
        } else if (resolved.has("enum")) {
            compareEnum(where, resolved, raw, out);
        } else {
            switch (resolved.path("type").asString("")) {
                case "string" -> {
                    if ("date".equals(resolved.path("format").asString(""))) {
                        expect(where, raw, out, LocalDate.class);
                    } else {
                        expect(where, raw, out, String.class);
                    }
                }
                case "boolean" -> expect(where, raw, out, boolean.class, Boolean.class);
                case "integer" -> expect(where, raw, out, int.class, Integer.class, long.class, Long.class);
                case "number" -> expect(where, raw, out, double.class, Double.class, BigDecimal.class);
                case "array" -> {
                    if (expect(where, raw, out, List.class)) {
                        compareValue(where + "[]", resolved.path("items"),
                                ((ParameterizedType) type).getActualTypeArguments()[0], out);
                    }
                }
                case "object" -> compareObject(where, resolved, raw, out);
                default -> out.add(where + " has a schema type this test does not know: " + resolved);
            }
        }
    }

    private static void compareEnum(String where, JsonNode schema, Class<?> raw, List<String> out) {
        if (raw == String.class) {
            return;
        }
        if (!raw.isEnum()) {
            out.add(where + " is an enum but " + raw.getSimpleName() + " is neither String nor an enum");
            return;
        }
        Set<String> values = new HashSet<>();
        schema.path("enum").forEach(value -> values.add(value.asString()));
        Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toSet());
        if (!values.equals(constants)) {
            out.add(where + " allows " + values + " but " + raw.getSimpleName() + " has " + constants);
        }
    }

    private static boolean expect(String where, Class<?> raw, List<String> out, Class<?>... allowed) {
        if (Arrays.asList(allowed).contains(raw)) {
            return true;
        }
        out.add(where + " is a " + raw.getSimpleName() + ", expected one of "
                + Arrays.stream(allowed).map(Class::getSimpleName).toList());
        return false;
    }

    /** A {@code $ref} to a definition of common.json (from an event's schema or from common.json) replaced by it. */
    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.contains("#/$defs/") ? COMMON.path(ref.substring(ref.lastIndexOf('/') + 1)) : schema;
    }

    private static String read(String resource) {
        try (InputStream in = EventRecordsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
