package org.gridgov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_sample_of_every_type_is_valid(EventType type) {
        assertThat(EventSchemas.validate(type.type(), TestResources.sample(type))).isEmpty();
    }

    @Test
    void every_sample_is_of_a_known_type() {
        assertThat(TestResources.jsonFilesIn("/samples").keySet())
                .allSatisfy(type -> assertThat(EventType.byType(type)).isPresent())
                .hasSize(EventType.values().length);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void data_without_its_aggregate_id_is_invalid(EventType type) {
        ObjectNode data = TestResources.readObject("/samples/" + type.type() + ".json");
        data.remove(type.subjectField());

        assertThat(EventSchemas.validate(type, data.toString()))
                .singleElement().asString().contains(type.subjectField());
    }

    @ParameterizedTest
    @CsvSource({
        "org.gridgov.gridnode.created.v1,     kind,      VILLAGE",
        "org.gridgov.gridnode.created.v1,     gridKind,  INDUSTRIAL",
        "org.gridgov.gridstaff.assigned.v1,   role,      MAYOR",
        "org.gridgov.member.registered.v1,    kind,      HONORARY",
        "org.gridgov.wish.submitted.v1,       category,  GARDENING",
        "org.gridgov.wish.claimed.v1,         status,    ESCALATED",
        "org.gridgov.wish.escalated.v1,       level,     CITY",
        "org.gridgov.need.published.v1,       foundBy,   SMELL",
    })
    void a_value_outside_its_enum_is_invalid(String type, String field, String wrongValue) {
        assertThat(EventSchemas.validate(type, withField(type, field, wrongValue)))
                .singleElement().asString().contains(field);
    }

    @ParameterizedTest
    @CsvSource({
        "org.gridgov.wish.submitted.v1,      gridId,      grid-3",
        "org.gridgov.wish.submitted.v1,      occurredAt,  14/03/2026 09:30",
        "org.gridgov.wish.submitted.v1,      occurredAt,  2026-03-14T17:30:00+08:00",
        "org.gridgov.resourcelist.revised.v1, period,     2026Q3",
    })
    void ids_must_be_uuids_times_utc_instants_and_periods_years_or_halves(String type, String field,
            String wrongValue) {
        assertThat(EventSchemas.validate(type, withField(type, field, wrongValue))).isNotEmpty();
    }

    @Test
    void a_rating_outside_one_to_five_is_invalid() {
        ObjectNode closed = TestResources.readObject("/samples/org.gridgov.wish.closed.v1.json");
        closed.put("rating", 6);

        assertThat(EventSchemas.validate(EventType.WISH_CLOSED, closed.toString())).isNotEmpty();
    }

    @Test
    void a_field_unknown_to_the_schema_is_allowed_so_producers_can_add_optional_fields() {
        String claimed = withField("org.gridgov.wish.claimed.v1", "claimedVia", "MINI_PROGRAM");

        assertThat(EventSchemas.validate("org.gridgov.wish.claimed.v1", claimed)).isEmpty();
    }

    @Test
    void an_unknown_type_is_a_violation() {
        assertThat(EventSchemas.validate("org.gridgov.wish.teleported.v1", "{}"))
                .containsExactly("unknown event type 'org.gridgov.wish.teleported.v1'");
    }

    @Test
    void data_that_is_not_json_is_a_violation() {
        assertThat(EventSchemas.validate(EventType.WISH_CLAIMED, "{\"wishId\": "))
                .singleElement().asString().startsWith("data is not JSON");
        assertThat(EventSchemas.validate(EventType.WISH_CLAIMED, null)).containsExactly("no data");
    }

    @Test
    void validation_gives_the_same_answers_from_many_threads_at_once() {
        List<EventType> types = Arrays.asList(EventType.values());

        List<List<String>> violations = IntStream.range(0, 20 * types.size()).parallel()
                .mapToObj(i -> types.get(i % types.size()))
                .map(type -> EventSchemas.validate(type, TestResources.sample(type)))
                .toList();

        assertThat(violations).allSatisfy(list -> assertThat(list).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"streetId", "communityIds"})
    void a_street_project_list_without_its_street_or_communities_is_invalid(String field) {
        ObjectNode list = TestResources.readObject("/samples/org.gridgov.matching.street-project-list-computed.v1.json");
        list.remove(field);

        assertThat(EventSchemas.validate(EventType.MATCHING_STREET_PROJECT_LIST_COMPUTED, list.toString()))
                .singleElement().asString().contains(field);
    }

    @Test
    void a_street_project_list_is_not_a_community_project_list() {
        String street = TestResources.sample(EventType.MATCHING_STREET_PROJECT_LIST_COMPUTED);

        assertThat(EventSchemas.validate(EventType.MATCHING_PROJECT_LIST_COMPUTED, street))
                .singleElement().asString().contains("communityId");
    }

    private static String withField(String type, String field, String value) {
        ObjectNode data = TestResources.readObject("/samples/" + type + ".json");
        data.put(field, value);
        return data.toString();
    }
}
