package org.gridgov.contracts;

import static org.gridgov.contracts.Topic.COMMITTEE_EVENTS;
import static org.gridgov.contracts.Topic.GRID_EVENTS;
import static org.gridgov.contracts.Topic.MATCHING_EVENTS;
import static org.gridgov.contracts.Topic.MEMBER_EVENTS;
import static org.gridgov.contracts.Topic.WISH_EVENTS;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event the platform publishes: its CloudEvents {@code type}, the topic it travels on, the field of
 * its data holding the record key, and its JSON Schema. A breaking change is a new constant with the next
 * {@code .vN}, never an edit of a released schema ({@code SchemaCompatibilityTest} guards that).
 */
public enum EventType {
    GRID_NODE_CREATED("org.gridgov.gridnode.created.v1", GRID_EVENTS, "nodeId"),
    GRID_NODE_UPDATED("org.gridgov.gridnode.updated.v1", GRID_EVENTS, "nodeId"),
    GRID_NODE_RETIRED("org.gridgov.gridnode.retired.v1", GRID_EVENTS, "nodeId"),
    HOUSEHOLD_REGISTERED("org.gridgov.household.registered.v1", GRID_EVENTS, "householdId"),
    HOUSEHOLD_MOVED("org.gridgov.household.moved.v1", GRID_EVENTS, "householdId"),
    // keyed by the grid so staff changes stay in order with that grid's node events
    GRID_STAFF_ASSIGNED("org.gridgov.gridstaff.assigned.v1", GRID_EVENTS, "gridId"),
    GRID_STAFF_UNASSIGNED("org.gridgov.gridstaff.unassigned.v1", GRID_EVENTS, "gridId"),

    MEMBER_REGISTERED("org.gridgov.member.registered.v1", MEMBER_EVENTS, "memberId"),
    MEMBER_DUAL_REPORTED("org.gridgov.member.dual-reported.v1", MEMBER_EVENTS, "memberId"),
    UNIT_JOINED("org.gridgov.unit.joined.v1", MEMBER_EVENTS, "unitId"),
    RESOURCE_LIST_PUBLISHED("org.gridgov.resourcelist.published.v1", MEMBER_EVENTS, "unitId"),
    RESOURCE_LIST_REVISED("org.gridgov.resourcelist.revised.v1", MEMBER_EVENTS, "unitId"),
    // keyed by the member so a member's service and points entries stay in ledger order
    SERVICE_RECORDED("org.gridgov.service.recorded.v1", MEMBER_EVENTS, "memberId"),
    POINTS_AWARDED("org.gridgov.points.awarded.v1", MEMBER_EVENTS, "memberId"),
    POINTS_REDEEMED("org.gridgov.points.redeemed.v1", MEMBER_EVENTS, "memberId"),

    WISH_SUBMITTED("org.gridgov.wish.submitted.v1", WISH_EVENTS, "wishId"),
    WISH_DISPATCHED("org.gridgov.wish.dispatched.v1", WISH_EVENTS, "wishId"),
    WISH_REJECTED("org.gridgov.wish.rejected.v1", WISH_EVENTS, "wishId"),
    WISH_CLAIMED("org.gridgov.wish.claimed.v1", WISH_EVENTS, "wishId"),
    WISH_RELEASED("org.gridgov.wish.released.v1", WISH_EVENTS, "wishId"),
    WISH_FULFILLED("org.gridgov.wish.fulfilled.v1", WISH_EVENTS, "wishId"),
    WISH_CLOSED("org.gridgov.wish.closed.v1", WISH_EVENTS, "wishId"),
    WISH_CANCELLED("org.gridgov.wish.cancelled.v1", WISH_EVENTS, "wishId"),
    WISH_REMINDED("org.gridgov.wish.reminded.v1", WISH_EVENTS, "wishId"),
    WISH_ESCALATED("org.gridgov.wish.escalated.v1", WISH_EVENTS, "wishId"),
    // keyed by the wish so the rectification follows the rating that caused it
    RECTIFICATION_OPENED("org.gridgov.rectification.opened.v1", WISH_EVENTS, "wishId"),
    NEED_RECORDED("org.gridgov.need.recorded.v1", WISH_EVENTS, "needId"),
    NEED_PUBLISHED("org.gridgov.need.published.v1", WISH_EVENTS, "needId"),
    // wish-service registers third-party apps; every service refuses a revoked app's tokens
    APP_REVOKED("org.gridgov.app.revoked.v1", WISH_EVENTS, "appId"),

    MATCHING_CANDIDATES_COMPUTED("org.gridgov.matching.candidates-computed.v1", MATCHING_EVENTS, "wishId"),
    MATCHING_PROJECT_LIST_COMPUTED("org.gridgov.matching.project-list-computed.v1", MATCHING_EVENTS, "projectListId"),
    // a street's list is its own fact: the community list's event requires a communityId a street list has not
    MATCHING_STREET_PROJECT_LIST_COMPUTED("org.gridgov.matching.street-project-list-computed.v1", MATCHING_EVENTS,
            "projectListId"),

    // the Grand Party Committee's projects, keyed by the project so its life stays in order
    PROJECT_PUBLISHED("org.gridgov.project.published.v1", COMMITTEE_EVENTS, "projectId"),
    PROJECT_CLAIMED("org.gridgov.project.claimed.v1", COMMITTEE_EVENTS, "projectId"),
    PROJECT_DECLINED("org.gridgov.project.declined.v1", COMMITTEE_EVENTS, "projectId"),
    PROJECT_SIGNED("org.gridgov.project.signed.v1", COMMITTEE_EVENTS, "projectId"),
    PROJECT_PROGRESSED("org.gridgov.project.progressed.v1", COMMITTEE_EVENTS, "projectId"),
    PROJECT_COMPLETED("org.gridgov.project.completed.v1", COMMITTEE_EVENTS, "projectId"),
    PROJECT_REVIEWED("org.gridgov.project.reviewed.v1", COMMITTEE_EVENTS, "projectId");

    // consumers look a type up for every record they read
    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final Topic topic;
    private final String subjectField;

    EventType(String type, Topic topic, String subjectField) {
        this.type = type;
        this.topic = topic;
        this.subjectField = subjectField;
    }

    /** The CloudEvents {@code type}, {@code org.gridgov.<aggregate>.<event>.v<N>}; also the schema's {@code $id}. */
    public String type() {
        return type;
    }

    public Topic topic() {
        return topic;
    }

    /** The CloudEvents {@code source}: the service that owns the topic. */
    public String source() {
        return topic.ownerService();
    }

    /**
     * The required field of {@code data} whose value is the Kafka record key and the CloudEvents
     * {@code subject}.
     */
    public String subjectField() {
        return subjectField;
    }

    /** Classpath resource of the JSON Schema (draft 2020-12) of {@code data}. */
    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }

    public static Optional<EventType> byType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }
}
