package org.gridgov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TopicTest {

    @ParameterizedTest
    @CsvSource({
        "GRID_EVENTS,     grid.events,     grid-service,     grid.events.dlt",
        "MEMBER_EVENTS,   member.events,   member-service,   member.events.dlt",
        "WISH_EVENTS,     wish.events,     wish-service,     wish.events.dlt",
        "MATCHING_EVENTS, matching.events, matching-service, matching.events.dlt",
        "COMMITTEE_EVENTS, committee.events, committee-service, committee.events.dlt",
        "FIELDWORK_EVENTS, fieldwork.events, fieldwork-service, fieldwork.events.dlt",
        "APPS_EVENTS,     apps.events,     apps-service,     apps.events.dlt",
    })
    void each_topic_names_its_kafka_topic_owner_service_and_dead_letter_topic(
            Topic topic, String topicName, String ownerService, String deadLetterTopic) {
        assertThat(topic.topicName()).isEqualTo(topicName);
        assertThat(topic.ownerService()).isEqualTo(ownerService);
        assertThat(topic.deadLetterTopic()).isEqualTo(deadLetterTopic);
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void a_topic_is_found_by_its_name(Topic topic) {
        assertThat(Topic.byName(topic.topicName())).contains(topic);
    }

    @Test
    void an_unknown_topic_name_finds_nothing() {
        assertThat(Topic.byName("wish.events.dlt")).isEmpty();
        assertThat(Topic.byName(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void every_topic_carries_events_and_only_its_own(Topic topic) {
        assertThat(topic.eventTypes()).isNotEmpty().allSatisfy(type -> assertThat(type.topic()).isEqualTo(topic));
    }
}
