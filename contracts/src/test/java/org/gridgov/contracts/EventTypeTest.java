package org.gridgov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_type_string_is_a_versioned_gridgov_type(EventType type) {
        assertThat(type.type()).matches("org\\.gridgov\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_type_is_found_by_its_type_string(EventType type) {
        assertThat(EventType.byType(type.type())).contains(type);
    }

    @Test
    void an_unknown_or_missing_type_string_finds_nothing() {
        assertThat(EventType.byType("org.gridgov.wish.claimed.v9")).isEmpty();
        assertThat(EventType.byType(null)).isEmpty();
    }

    @Test
    void type_strings_are_unique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::type)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_source_is_the_service_owning_the_topic(EventType type) {
        assertThat(type.source()).isEqualTo(type.topic().ownerService());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_type_has_a_draft_2020_12_schema_identified_by_the_type(EventType type) {
        JsonNode schema = TestResources.schemaOf(type);

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(type.type());
        assertThat(schema.path("title").asString()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_schema_lets_producers_add_optional_fields(EventType type) {
        assertThat(TestResources.schemaOf(type).path("additionalProperties").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_schema_requires_the_subject_field_that_keys_the_record(EventType type) {
        JsonNode schema = TestResources.schemaOf(type);

        assertThat(schema.path("required").values()).extracting(JsonNode::asString).contains(type.subjectField());
        assertThat(schema.path("properties").path(type.subjectField()).path("$ref").asString())
                .isEqualTo("common.json#/$defs/uuid");
    }
}
