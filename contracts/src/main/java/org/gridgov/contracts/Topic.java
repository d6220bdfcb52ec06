package org.gridgov.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Kafka topics of the platform, one per aggregate family, each written by exactly one service.
 * Records are keyed by the aggregate id (see {@link EventType#subjectField()}) so one aggregate's events
 * stay in order.
 */
public enum Topic {
    GRID_EVENTS("grid.events", "grid-service"),
    MEMBER_EVENTS("member.events", "member-service"),
    WISH_EVENTS("wish.events", "wish-service"),
    MATCHING_EVENTS("matching.events", "matching-service"),
    COMMITTEE_EVENTS("committee.events", "committee-service"),
    FIELDWORK_EVENTS("fieldwork.events", "fieldwork-service"),
    APPS_EVENTS("apps.events", "apps-service");

    private final String topicName;
    private final String ownerService;

    Topic(String topicName, String ownerService) {
        this.topicName = topicName;
        this.ownerService = ownerService;
    }

    public String topicName() {
        return topicName;
    }

    /** The only service that publishes here; also the CloudEvents {@code source} of its events. */
    public String ownerService() {
        return ownerService;
    }

    /** Where a consumer parks a record it still cannot handle after its retries. */
    public String deadLetterTopic() {
        return topicName + ".dlt";
    }

    public List<EventType> eventTypes() {
        return Arrays.stream(EventType.values()).filter(type -> type.topic() == this).toList();
    }

    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(topic -> topic.topicName.equals(topicName)).findFirst();
    }
}
