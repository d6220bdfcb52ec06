package org.gridgov.contracts;

import static org.gridgov.contracts.Topic.APPS_EVENTS;
import static org.gridgov.contracts.Topic.COMMITTEE_EVENTS;
import static org.gridgov.contracts.Topic.FIELDWORK_EVENTS;
import static org.gridgov.contracts.Topic.GRID_EVENTS;
import static org.gridgov.contracts.Topic.MATCHING_EVENTS;
import static org.gridgov.contracts.Topic.MEMBER_EVENTS;
import static org.gridgov.contracts.Topic.WISH_EVENTS;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridgov.contracts.events.AppCredentialsIssued;
import org.gridgov.contracts.events.ActivityCompleted;
import org.gridgov.contracts.events.AppRevoked;
import org.gridgov.contracts.events.AssessmentComputed;
import org.gridgov.contracts.events.CareContactRecorded;
import org.gridgov.contracts.events.CareRecipientRegistered;
import org.gridgov.contracts.events.CareVisitMissed;
import org.gridgov.contracts.events.CareWishRaised;
import org.gridgov.contracts.events.CaseAlerted;
import org.gridgov.contracts.events.CaseReported;
import org.gridgov.contracts.events.CaseStatusChanged;
import org.gridgov.contracts.events.DepartmentRegistered;
import org.gridgov.contracts.events.DisclosurePublished;
import org.gridgov.contracts.events.Event;
import org.gridgov.contracts.events.GridNodeCreated;
import org.gridgov.contracts.events.GridNodeRetired;
import org.gridgov.contracts.events.GridNodeUpdated;
import org.gridgov.contracts.events.GridStaffAssigned;
import org.gridgov.contracts.events.GridStaffUnassigned;
import org.gridgov.contracts.events.HouseholdMoved;
import org.gridgov.contracts.events.HouseholdRegistered;
import org.gridgov.contracts.events.MatchingCandidatesComputed;
import org.gridgov.contracts.events.MeetingClosed;
import org.gridgov.contracts.events.MeetingScheduled;
import org.gridgov.contracts.events.MatchingProjectListComputed;
import org.gridgov.contracts.events.MatchingStreetProjectListComputed;
import org.gridgov.contracts.events.MemberDualReported;
import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.contracts.events.MotionDecided;
import org.gridgov.contracts.events.OperationCalledOut;
import org.gridgov.contracts.events.OperationClosed;
import org.gridgov.contracts.events.OperationOpened;
import org.gridgov.contracts.events.NeedPublished;
import org.gridgov.contracts.events.NeedRecorded;
import org.gridgov.contracts.events.PatrolEnded;
import org.gridgov.contracts.events.PatrolMissed;
import org.gridgov.contracts.events.PatrolPlanned;
import org.gridgov.contracts.events.PatrolStarted;
import org.gridgov.contracts.events.PointsAwarded;
import org.gridgov.contracts.events.PointsRedeemed;
import org.gridgov.contracts.events.ProjectCancelled;
import org.gridgov.contracts.events.ProjectClaimed;
import org.gridgov.contracts.events.ProjectCompleted;
import org.gridgov.contracts.events.ProjectDeclined;
import org.gridgov.contracts.events.ProjectMilestoneOverdue;
import org.gridgov.contracts.events.ProjectProgressed;
import org.gridgov.contracts.events.ProjectPublished;
import org.gridgov.contracts.events.ProjectReviewed;
import org.gridgov.contracts.events.ProjectSigned;
import org.gridgov.contracts.events.RectificationOpened;
import org.gridgov.contracts.events.RedBlackListAnnounced;
import org.gridgov.contracts.events.ResourceListPublished;
import org.gridgov.contracts.events.ResourceListRevised;
import org.gridgov.contracts.events.ServiceRecorded;
import org.gridgov.contracts.events.UnitJoined;
import org.gridgov.contracts.events.VisitFindingRaised;
import org.gridgov.contracts.events.VisitRecorded;
import org.gridgov.contracts.events.VolunteerRegistered;
import org.gridgov.contracts.events.WishCancelled;
import org.gridgov.contracts.events.WishClaimed;
import org.gridgov.contracts.events.WishClosed;
import org.gridgov.contracts.events.WishDispatched;
import org.gridgov.contracts.events.WishEscalated;
import org.gridgov.contracts.events.WishFulfilled;
import org.gridgov.contracts.events.WishInformationGiven;
import org.gridgov.contracts.events.WishInformationRequested;
import org.gridgov.contracts.events.WishRejected;
import org.gridgov.contracts.events.WishReopened;
import org.gridgov.contracts.events.WishReleased;
import org.gridgov.contracts.events.WishReminded;
import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.contracts.events.WishUrged;

/**
 * Every event the platform publishes: its CloudEvents {@code type}, the topic it travels on, the field of
 * its data holding the record key, and its JSON Schema. A breaking change is a new constant with the next
 * {@code .vN}, never an edit of a released schema ({@code SchemaCompatibilityTest} guards that). The data
 * of each type is a record of {@link org.gridgov.contracts.events} ({@code EventRecordsTest} keeps it and the
 * schema in step).
 */
public enum EventType {
    GRID_NODE_CREATED("org.gridgov.gridnode.created.v1", GRID_EVENTS, "nodeId", GridNodeCreated.class),
    GRID_NODE_UPDATED("org.gridgov.gridnode.updated.v1", GRID_EVENTS, "nodeId", GridNodeUpdated.class),
    GRID_NODE_RETIRED("org.gridgov.gridnode.retired.v1", GRID_EVENTS, "nodeId", GridNodeRetired.class),
    HOUSEHOLD_REGISTERED("org.gridgov.household.registered.v1", GRID_EVENTS, "householdId", HouseholdRegistered.class),
    HOUSEHOLD_MOVED("org.gridgov.household.moved.v1", GRID_EVENTS, "householdId", HouseholdMoved.class),
    // keyed by the grid so staff changes stay in order with that grid's node events
    GRID_STAFF_ASSIGNED("org.gridgov.gridstaff.assigned.v1", GRID_EVENTS, "gridId", GridStaffAssigned.class),
    GRID_STAFF_UNASSIGNED("org.gridgov.gridstaff.unassigned.v1", GRID_EVENTS, "gridId", GridStaffUnassigned.class),

    MEMBER_REGISTERED("org.gridgov.member.registered.v1", MEMBER_EVENTS, "memberId", MemberRegistered.class),
    MEMBER_DUAL_REPORTED("org.gridgov.member.dual-reported.v1", MEMBER_EVENTS, "memberId", MemberDualReported.class),
    VOLUNTEER_REGISTERED("org.gridgov.volunteer.registered.v1", MEMBER_EVENTS, "volunteerId", VolunteerRegistered.class),
    UNIT_JOINED("org.gridgov.unit.joined.v1", MEMBER_EVENTS, "unitId", UnitJoined.class),
    RESOURCE_LIST_PUBLISHED("org.gridgov.resourcelist.published.v1", MEMBER_EVENTS, "unitId",
            ResourceListPublished.class),
    RESOURCE_LIST_REVISED("org.gridgov.resourcelist.revised.v1", MEMBER_EVENTS, "unitId", ResourceListRevised.class),
    // keyed by the member so a member's service and points entries stay in ledger order
    SERVICE_RECORDED("org.gridgov.service.recorded.v1", MEMBER_EVENTS, "memberId", ServiceRecorded.class),
    POINTS_AWARDED("org.gridgov.points.awarded.v1", MEMBER_EVENTS, "memberId", PointsAwarded.class),
    POINTS_REDEEMED("org.gridgov.points.redeemed.v1", MEMBER_EVENTS, "memberId", PointsRedeemed.class),
    // keyed by the community so that its announcements of a quarter stay in order
    RED_BLACK_LIST_ANNOUNCED("org.gridgov.redblacklist.announced.v1", MEMBER_EVENTS, "communityId",
            RedBlackListAnnounced.class),

    WISH_SUBMITTED("org.gridgov.wish.submitted.v1", WISH_EVENTS, "wishId", WishSubmitted.class),
    WISH_DISPATCHED("org.gridgov.wish.dispatched.v1", WISH_EVENTS, "wishId", WishDispatched.class),
    WISH_REJECTED("org.gridgov.wish.rejected.v1", WISH_EVENTS, "wishId", WishRejected.class),
    WISH_CLAIMED("org.gridgov.wish.claimed.v1", WISH_EVENTS, "wishId", WishClaimed.class),
    WISH_RELEASED("org.gridgov.wish.released.v1", WISH_EVENTS, "wishId", WishReleased.class),
    WISH_FULFILLED("org.gridgov.wish.fulfilled.v1", WISH_EVENTS, "wishId", WishFulfilled.class),
    WISH_CLOSED("org.gridgov.wish.closed.v1", WISH_EVENTS, "wishId", WishClosed.class),
    WISH_CANCELLED("org.gridgov.wish.cancelled.v1", WISH_EVENTS, "wishId", WishCancelled.class),
    WISH_REMINDED("org.gridgov.wish.reminded.v1", WISH_EVENTS, "wishId", WishReminded.class),
    WISH_ESCALATED("org.gridgov.wish.escalated.v1", WISH_EVENTS, "wishId", WishEscalated.class),
    WISH_REOPENED("org.gridgov.wish.reopened.v1", WISH_EVENTS, "wishId", WishReopened.class),
    WISH_URGED("org.gridgov.wish.urged.v1", WISH_EVENTS, "wishId", WishUrged.class),
    WISH_INFORMATION_REQUESTED("org.gridgov.wish.information-requested.v1", WISH_EVENTS, "wishId",
            WishInformationRequested.class),
    WISH_INFORMATION_GIVEN("org.gridgov.wish.information-given.v1", WISH_EVENTS, "wishId", WishInformationGiven.class),
    // keyed by the wish so the rectification follows the rating that caused it
    RECTIFICATION_OPENED("org.gridgov.rectification.opened.v1", WISH_EVENTS, "wishId", RectificationOpened.class),
    NEED_RECORDED("org.gridgov.need.recorded.v1", WISH_EVENTS, "needId", NeedRecorded.class),
    NEED_PUBLISHED("org.gridgov.need.published.v1", WISH_EVENTS, "needId", NeedPublished.class),

    MATCHING_CANDIDATES_COMPUTED("org.gridgov.matching.candidates-computed.v1", MATCHING_EVENTS, "wishId",
            MatchingCandidatesComputed.class),
    MATCHING_PROJECT_LIST_COMPUTED("org.gridgov.matching.project-list-computed.v1", MATCHING_EVENTS, "projectListId",
            MatchingProjectListComputed.class),
    // a street's list is its own fact: the community list's event requires a communityId a street list has not
    MATCHING_STREET_PROJECT_LIST_COMPUTED("org.gridgov.matching.street-project-list-computed.v1", MATCHING_EVENTS,
            "projectListId", MatchingStreetProjectListComputed.class),

    // the Grand Party Committee's projects, keyed by the project so its life stays in order
    PROJECT_PUBLISHED("org.gridgov.project.published.v1", COMMITTEE_EVENTS, "projectId", ProjectPublished.class),
    PROJECT_CLAIMED("org.gridgov.project.claimed.v1", COMMITTEE_EVENTS, "projectId", ProjectClaimed.class),
    PROJECT_DECLINED("org.gridgov.project.declined.v1", COMMITTEE_EVENTS, "projectId", ProjectDeclined.class),
    PROJECT_SIGNED("org.gridgov.project.signed.v1", COMMITTEE_EVENTS, "projectId", ProjectSigned.class),
    PROJECT_PROGRESSED("org.gridgov.project.progressed.v1", COMMITTEE_EVENTS, "projectId", ProjectProgressed.class),
    PROJECT_MILESTONE_OVERDUE("org.gridgov.project.milestone-overdue.v1", COMMITTEE_EVENTS, "projectId",
            ProjectMilestoneOverdue.class),
    PROJECT_COMPLETED("org.gridgov.project.completed.v1", COMMITTEE_EVENTS, "projectId", ProjectCompleted.class),
    PROJECT_REVIEWED("org.gridgov.project.reviewed.v1", COMMITTEE_EVENTS, "projectId", ProjectReviewed.class),
    PROJECT_CANCELLED("org.gridgov.project.cancelled.v1", COMMITTEE_EVENTS, "projectId", ProjectCancelled.class),
    // keyed by the community so that the versions of its assessments stay in order
    ASSESSMENT_COMPUTED("org.gridgov.assessment.computed.v1", COMMITTEE_EVENTS, "communityId", AssessmentComputed.class),
    // the committee's meetings, keyed by the meeting so that its motions and closing follow its scheduling
    MEETING_SCHEDULED("org.gridgov.meeting.scheduled.v1", COMMITTEE_EVENTS, "meetingId", MeetingScheduled.class),
    MOTION_DECIDED("org.gridgov.motion.decided.v1", COMMITTEE_EVENTS, "meetingId", MotionDecided.class),
    MEETING_CLOSED("org.gridgov.meeting.closed.v1", COMMITTEE_EVENTS, "meetingId", MeetingClosed.class),
    // 四议两公开's notice board, keyed by the deliberation so that its result follows its resolution
    DISCLOSURE_PUBLISHED("org.gridgov.disclosure.published.v1", COMMITTEE_EVENTS, "deliberationId",
            DisclosurePublished.class),
    // joint activities (活动联办), keyed by the activity
    ACTIVITY_COMPLETED("org.gridgov.activity.completed.v1", COMMITTEE_EVENTS, "activityId", ActivityCompleted.class),

    DEPARTMENT_REGISTERED("org.gridgov.department.registered.v1", FIELDWORK_EVENTS, "departmentId",
            DepartmentRegistered.class),
    CASE_REPORTED("org.gridgov.case.reported.v1", FIELDWORK_EVENTS, "caseId", CaseReported.class),
    CASE_STATUS_CHANGED("org.gridgov.case.status-changed.v1", FIELDWORK_EVENTS, "caseId", CaseStatusChanged.class),
    CASE_ALERTED("org.gridgov.case.alerted.v1", FIELDWORK_EVENTS, "caseId", CaseAlerted.class),
    PATROL_STARTED("org.gridgov.patrol.started.v1", FIELDWORK_EVENTS, "patrolId", PatrolStarted.class),
    PATROL_ENDED("org.gridgov.patrol.ended.v1", FIELDWORK_EVENTS, "patrolId", PatrolEnded.class),
    PATROL_PLANNED("org.gridgov.patrol.planned.v1", FIELDWORK_EVENTS, "planId", PatrolPlanned.class),
    PATROL_MISSED("org.gridgov.patrol.missed.v1", FIELDWORK_EVENTS, "planId", PatrolMissed.class),
    VISIT_RECORDED("org.gridgov.visit.recorded.v1", FIELDWORK_EVENTS, "visitId", VisitRecorded.class),
    VISIT_FINDING_RAISED("org.gridgov.visit.finding-raised.v1", FIELDWORK_EVENTS, "visitId", VisitFindingRaised.class),
    CARE_RECIPIENT_REGISTERED("org.gridgov.care-recipient.registered.v1", FIELDWORK_EVENTS, "recipientId",
            CareRecipientRegistered.class),
    CARE_CONTACT_RECORDED("org.gridgov.care-recipient.contact-recorded.v1", FIELDWORK_EVENTS, "recipientId",
            CareContactRecorded.class),
    CARE_VISIT_MISSED("org.gridgov.care-recipient.visit-missed.v1", FIELDWORK_EVENTS, "recipientId",
            CareVisitMissed.class),
    CARE_WISH_RAISED("org.gridgov.care-recipient.wish-raised.v1", FIELDWORK_EVENTS, "recipientId",
            CareWishRaised.class),
    // emergency operations (战时攻坚), keyed by the operation so that its call-outs and close follow its opening
    OPERATION_OPENED("org.gridgov.operation.opened.v1", FIELDWORK_EVENTS, "operationId", OperationOpened.class),
    OPERATION_CALLED_OUT("org.gridgov.operation.called-out.v1", FIELDWORK_EVENTS, "operationId",
            OperationCalledOut.class),
    OPERATION_CLOSED("org.gridgov.operation.closed.v1", FIELDWORK_EVENTS, "operationId", OperationClosed.class),

    // apps-service registers third-party apps; every service refuses a revoked app's tokens, and
    // wish-service's Open311 door recognises an app's API key by the hash announced on credentials
    APP_CREDENTIALS_ISSUED("org.gridgov.app.credentials-issued.v1", APPS_EVENTS, "appId", AppCredentialsIssued.class),
    APP_REVOKED("org.gridgov.app.revoked.v1", APPS_EVENTS, "appId", AppRevoked.class);

    // consumers look a type up for every record they read
    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<? extends Event>, EventType> BY_RECORD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::recordType, Function.identity()));

    private final String type;
    private final Topic topic;
    private final String subjectField;
    private final Class<? extends Event> recordType;

    EventType(String type, Topic topic, String subjectField, Class<? extends Event> recordType) {
        this.type = type;
        this.topic = topic;
        this.subjectField = subjectField;
        this.recordType = recordType;
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

    /** The record of {@code data}, in {@code org.gridgov.contracts.events}, named after the constant. */
    public Class<? extends Event> recordType() {
        return recordType;
    }

    /** The type whose data {@code recordType} is. */
    public static EventType of(Class<? extends Event> recordType) {
        EventType type = BY_RECORD.get(recordType);
        if (type == null) {
            throw new IllegalArgumentException(recordType.getName() + " is not the record of an event type");
        }
        return type;
    }

    public static Optional<EventType> byType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }
}
