package org.gridgov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schemas are written with single quotes for readability; {@link #check} turns them into JSON. */
class SchemaCompatibilityCheckerTest {

    private static final String CLAIMED = """
            {'type': 'object', 'required': ['wishId', 'claimer'], 'properties': {
              'wishId': {'type': 'string', 'format': 'uuid'},
              'claimer': {'type': 'object', 'required': ['kind'], 'properties': {'kind': {'enum': ['UNIT', 'PARTY_MEMBER']}}},
              'servedMemberIds': {'type': 'array', 'items': {'$ref': 'common.json#/$defs/uuid'}}}}
            """;

    @Test
    void an_unchanged_schema_is_compatible() {
        assertThat(check(CLAIMED, CLAIMED)).isEmpty();
    }

    @Test
    void adding_an_optional_field_is_compatible() {
        assertThat(check("{'properties': {'wishId': {'type': 'string'}}}",
                "{'properties': {'wishId': {'type': 'string'}, 'rating': {'type': 'integer'}}}")).isEmpty();
    }

    @Test
    void adding_an_enum_value_is_compatible() {
        assertThat(check("{'enum': ['UNIT', 'PARTY_MEMBER']}", "{'enum': ['UNIT', 'PARTY_MEMBER', 'VOLUNTEER_TEAM']}"))
                .isEmpty();
    }

    @Test
    void editing_descriptions_and_constraints_is_not_judged() {
        assertThat(check("{'type': 'integer'}", "{'description': '1 to 5', 'type': 'integer', 'minimum': 1}"))
                .isEmpty();
    }

    @Test
    void removing_a_field_is_incompatible() {
        assertThat(check("{'properties': {'wishId': {'type': 'string'}, 'rating': {'type': 'integer'}}}",
                "{'properties': {'wishId': {'type': 'string'}}}"))
                .containsExactly("property 'rating' removed");
    }

    @Test
    void changing_a_field_type_is_incompatible() {
        assertThat(check("{'properties': {'rating': {'type': 'integer'}}}",
                "{'properties': {'rating': {'type': 'string'}}}"))
                .containsExactly("'rating' changed type from [integer] to [string]");
    }

    @Test
    void changing_a_field_format_is_incompatible() {
        assertThat(check("{'properties': {'wishId': {'type': 'string', 'format': 'uuid'}}}",
                "{'properties': {'wishId': {'type': 'string', 'format': 'date-time'}}}"))
                .containsExactly("'wishId' changed format from uuid to date-time");
    }

    @Test
    void pointing_a_field_at_another_shared_definition_is_incompatible() {
        assertThat(check("{'properties': {'ids': {'type': 'array', 'items': {'$ref': 'common.json#/$defs/uuid'}}}}",
                "{'properties': {'ids': {'type': 'array', 'items': {'$ref': 'common.json#/$defs/instant'}}}}"))
                .containsExactly("'ids[]' changed $ref from common.json#/$defs/uuid to common.json#/$defs/instant");
    }

    @Test
    void removing_an_enum_value_is_incompatible() {
        assertThat(check("{'properties': {'claimer': {'properties': {'kind': {'enum': ['UNIT', 'PARTY_MEMBER']}}}}}",
                "{'properties': {'claimer': {'properties': {'kind': {'enum': ['UNIT']}}}}}"))
                .containsExactly("'claimer.kind' lost enum value \"PARTY_MEMBER\"");
    }

    @Test
    void making_an_optional_field_required_is_incompatible() {
        assertThat(check("{'required': [], 'properties': {'rating': {'type': 'integer'}}}",
                "{'required': ['rating'], 'properties': {'rating': {'type': 'integer'}}}"))
                .containsExactly("optional property 'rating' made required");
    }

    @Test
    void adding_a_required_field_is_incompatible() {
        assertThat(check("{'properties': {'claimer': {'required': ['kind'], 'properties': {'kind': {}}}}}",
                "{'properties': {'claimer': {'required': ['kind', 'id'], 'properties': {'kind': {}, 'id': {}}}}}"))
                .containsExactly("new required property 'claimer.id'");
    }

    @Test
    void changing_a_shared_definition_is_judged_like_a_field() {
        assertThat(check("{'$defs': {'level': {'enum': ['GRID', 'STREET']}}}", "{'$defs': {'level': {'enum': ['GRID']}}}"))
                .containsExactly("'#/$defs/level' lost enum value \"STREET\"");
    }

    @Test
    void removing_a_shared_definition_is_incompatible() {
        assertThat(check("{'$defs': {'uuid': {'type': 'string'}, 'level': {}}}", "{'$defs': {'level': {}}}"))
                .containsExactly("definition 'uuid' removed");
    }

    @Test
    void a_released_schema_missing_from_the_current_set_is_incompatible() {
        assertThat(SchemaCompatibilityChecker.check(
                Map.of("org.gridgov.wish.claimed.v1", json(CLAIMED)),
                Map.of("org.gridgov.wish.claimed.v2", json(CLAIMED))))
                .singleElement().asString().startsWith("org.gridgov.wish.claimed.v1: removed");
    }

    @Test
    void a_new_schema_is_compatible_and_each_incompatibility_names_its_schema() {
        String withRating = json("{'properties': {'wishId': {'type': 'string'}, 'rating': {'type': 'integer'}}}");
        String withoutRating = json("{'properties': {'wishId': {'type': 'string'}}}");

        assertThat(SchemaCompatibilityChecker.check(
                Map.of("org.gridgov.wish.closed.v1", withRating),
                Map.of("org.gridgov.wish.closed.v1", withoutRating, "org.gridgov.wish.praised.v1", withRating)))
                .containsExactly("org.gridgov.wish.closed.v1: property 'rating' removed");
    }

    private static List<String> check(String before, String after) {
        return SchemaCompatibilityChecker.check(json(before), json(after));
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
