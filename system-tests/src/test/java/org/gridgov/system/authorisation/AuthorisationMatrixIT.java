package org.gridgov.system.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.system.authorisation.Actor.CLIENT;
import static org.gridgov.system.authorisation.Actor.COMMUNITY_ADMIN_A;
import static org.gridgov.system.authorisation.Actor.COMMUNITY_ADMIN_B;
import static org.gridgov.system.authorisation.Actor.DEPARTMENT_A;
import static org.gridgov.system.authorisation.Actor.DEPARTMENT_B;
import static org.gridgov.system.authorisation.Actor.DISTRICT_ADMIN;
import static org.gridgov.system.authorisation.Actor.MEMBER_A;
import static org.gridgov.system.authorisation.Actor.MEMBER_B;
import static org.gridgov.system.authorisation.Actor.OTHER_RESIDENT;
import static org.gridgov.system.authorisation.Actor.RESIDENT;
import static org.gridgov.system.authorisation.Actor.STAFF_A;
import static org.gridgov.system.authorisation.Actor.STAFF_B;
import static org.gridgov.system.authorisation.Actor.STREET_ADMIN_A;
import static org.gridgov.system.authorisation.Actor.STREET_ADMIN_B;
import static org.gridgov.system.authorisation.Actor.UNIT_A;
import static org.gridgov.system.authorisation.Actor.UNIT_B;
import static org.gridgov.system.authorisation.MatrixWorld.State.CLAIMED;
import static org.gridgov.system.authorisation.MatrixWorld.State.CLOSED;
import static org.gridgov.system.authorisation.MatrixWorld.State.DISPATCHED;
import static org.gridgov.system.authorisation.MatrixWorld.State.FULFILLED;
import static org.gridgov.system.authorisation.MatrixWorld.State.SUBMITTED;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.gridgov.system.platform.Upload;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 3's authorisation matrix, end to end: every call of the public API ({@code docs/api.md}) × every
 * kind of caller × inside and outside the caller's jurisdiction, sent through the gateway to the
 * running services, which enforce role and jurisdiction themselves. Asserts the status each caller
 * gets and that nothing of community A — a wish's title, a resident's name or phone, a party
 * member's phone — reaches anyone who may not see it: not in a body, a list or an error message.
 */
class AuthorisationMatrixIT {

    private static final Actor[] ADMINS_A = {COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN};
    private static final Actor[] STAFF_AND_ADMINS_A = {STAFF_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN};
    private static final Actor[] B_STAFF = {STAFF_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B};
    private static final Actor[] B_STAFF_AND_MEMBER = {STAFF_B, MEMBER_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B};
    /** Those in community A's committee: its admins, its grid staff and its member unit. */
    private static final Actor[] COMMITTEE_A = {STAFF_A, UNIT_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN};
    /** A project of A is none of theirs: it is hidden, not refused. */
    private static final Actor[] NOT_IN_A = {RESIDENT, OTHER_RESIDENT, STAFF_B, UNIT_B, MEMBER_A, MEMBER_B,
        COMMUNITY_ADMIN_B, STREET_ADMIN_B, CLIENT, DEPARTMENT_A, DEPARTMENT_B};
    /** Functional departments take cases; a wish is none of theirs. */
    private static final Actor[] DEPARTMENTS = {DEPARTMENT_A, DEPARTMENT_B};
    /** Those the gateway lets read an operation of A who are neither over it nor called out to it. */
    private static final Actor[] OUTSIDE_OPERATION = {STAFF_B, UNIT_B, MEMBER_A, MEMBER_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B};
    private static final Actor[] B_SIDE = {OTHER_RESIDENT, STAFF_B, UNIT_B, MEMBER_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B};

    private static List<Call> calls() {
        return List.of(
                // Grid — the tree is everyone's to read; households and changes are the jurisdiction's
                Call.get("read a node", w -> "/api/grid/nodes/" + w.communityA).ok(Actor.values()),
                Call.get("read a subtree", w -> "/api/grid/nodes/" + w.communityA + "/tree?depth=2").ok(Actor.values()),
                Call.get("search nodes", w -> "/api/grid/nodes?kind=GRID&parent=" + w.communityA).ok(Actor.values()),
                Call.get("read a node's children", w -> "/api/grid/nodes/" + w.communityA + "/children").ok(Actor.values()),
                Call.get("read a grid's staff", w -> "/api/grid/nodes/" + w.gridA + "/staff").ok(Actor.values()),
                Call.delete("vacate a staff role", w -> "/api/grid/nodes/" + w.gridWithPolice() + "/staff/POLICE")
                        .ok(204, ADMINS_A),
                Call.delete("retire an empty micro-grid", w -> "/api/grid/nodes/" + w.emptyMicroGrid()).ok(ADMINS_A),
                Call.get("list a grid's households", w -> "/api/grid/nodes/" + w.gridA + "/households")
                        .ok(STAFF_AND_ADMINS_A),
                Call.get("resolve an address", w -> "/api/grid/resolve?address=" + w.addressA)
                        .ok(STAFF_A, STAFF_B, COMMUNITY_ADMIN_A, COMMUNITY_ADMIN_B, STREET_ADMIN_A, STREET_ADMIN_B,
                                DISTRICT_ADMIN, CLIENT),
                Call.post("re-import a community", w -> "/api/grid/imports?wait=60", w -> w.a.document())
                        .ok(ADMINS_A),
                Call.get("read an import report", w -> "/api/grid/imports/" + w.a.importId()).ok(ADMINS_A)
                        .hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.put("appoint grid staff", w -> "/api/grid/nodes/" + w.gridA + "/staff/POLICE",
                        w -> Map.of("personId", java.util.UUID.randomUUID().toString(), "name", "周警官")).ok(ADMINS_A),
                // Members, units, points
                Call.post("register a party member", w -> "/api/members", w -> Map.of("name", "新党员", "kind", "RETIRED",
                        "communityId", w.communityA)).ok(201, ADMINS_A),
                Call.get("read a party member", w -> "/api/members/" + w.memberA)
                        .ok(MEMBER_A, STAFF_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(MEMBER_B, STAFF_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                // grid staff list the members of their grid, not of the whole community
                Call.get("list a community's members", w -> "/api/members?community=" + w.communityA).ok(ADMINS_A),
                Call.get("list a grid's members", w -> "/api/members?community=" + w.communityA + "&grid=" + w.gridA)
                        .ok(STAFF_AND_ADMINS_A),
                Call.post("record dual reporting", w -> "/api/members/" + w.memberA + "/dual-report",
                        w -> Map.of("communityId", w.communityA, "workUnit", "区税务局"))
                        // any admin may look a member up to take them in; B's admins just cannot record it for A
                        .ok(MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(MEMBER_B),
                Call.post("record service", w -> "/api/members/" + w.memberA + "/service-records", w -> Map.of("hours", 1.5,
                        "servedOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "activity", "清扫楼道"))
                        .ok(201, MEMBER_A, STAFF_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN).hidden(B_STAFF_AND_MEMBER),
                Call.get("list service records", w -> "/api/members/" + w.memberA + "/service-records")
                        .ok(MEMBER_A, STAFF_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN).hidden(B_STAFF_AND_MEMBER),
                // nobody approves their own record
                Call.post("approve service", w -> "/api/members/" + w.memberA + "/service-records/" + w.serviceRecord()
                        + "/approval", w -> Map.of("note", "属实")).ok(STAFF_AND_ADMINS_A).hidden(B_STAFF),
                Call.post("turn service down", w -> "/api/members/" + w.memberA + "/service-records/" + w.serviceRecord()
                        + "/rejection", w -> Map.of("note", "无记录")).ok(STAFF_AND_ADMINS_A).hidden(B_STAFF),
                Call.post("register a member unit", w -> "/api/units", w -> Map.of("name", "新单位" + w.tag, "kind", "SCHOOL",
                        "communityIds", List.of(w.communityA))).ok(201, ADMINS_A),
                Call.get("read a member unit", w -> "/api/units/" + w.unitA).ok(Actor.values()),
                Call.get("list a community's units", w -> "/api/units?community=" + w.communityA).ok(Actor.values()),
                Call.put("publish a resource list", w -> "/api/units/" + w.unitA + "/resource-lists/" + w.year + "H2",
                        w -> Map.of("items", List.of(Map.of("category", "EDUCATION", "title", "课业辅导", "capacity", 5,
                                "area", List.of(w.communityA))))).ok(UNIT_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A,
                        DISTRICT_ADMIN),
                Call.get("read a resource list", w -> "/api/units/" + w.unitA + "/resource-lists/" + w.year).ok(Actor.values()),
                Call.get("list a resource list's versions", w -> "/api/units/" + w.unitA + "/resource-lists/" + w.year
                        + "/versions").ok(Actor.values()),
                Call.post("sign a project to a resource", w -> "/api/units/" + w.unitA + "/resource-lists/" + w.year + "/items/"
                        + w.itemA + "/allocations", w -> Map.of("projectId", w.projectMembersKnowSigned(),
                        "quantity", 1)).ok(201, ADMINS_A),
                Call.get("read a points account", w -> "/api/points/accounts/" + w.memberA)
                        .ok(MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(MEMBER_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                // the account is empty: whoever may redeem is told the balance is short
                Call.post("redeem points", w -> "/api/points/redemptions", w -> Map.of("memberId", w.memberA,
                                "itemId", w.storeItemA, "quantity", 1))
                        .ok(409, MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(MEMBER_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.get("browse the points store", w -> "/api/points/store-items?community=" + w.communityA).ok(Actor.values()),
                Call.post("stock the points store", w -> "/api/points/store-items", w -> Map.of("communityId",
                        w.communityA, "name", "毛巾", "price", 100, "stock", 10)).ok(201, ADMINS_A),
                Call.get("read a store item", w -> "/api/points/store-items/" + w.storeItemA).ok(Actor.values()),
                Call.post("correct points", w -> "/api/points/corrections", w -> Map.of("memberId", w.memberA, "points", 5,
                        "reason", "补录活动积分")).ok(201, ADMINS_A).hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.post("expire points", w -> "/api/points/expiries", w -> Map.of("communityId", w.communityA,
                        "earnedBefore", "2000-01-01")).ok(ADMINS_A),
                Call.get("star rank", w -> "/api/rankings/stars?community=" + w.communityA).ok(Actor.values()),
                Call.get("red/black list", w -> "/api/units/red-black-list?community=" + w.communityA + "&quarter="
                        + w.year + "Q1").ok(Actor.values()),
                // the quarter's list announced (通报) for the year-end assessment: A's admins only
                Call.post("announce the red/black list", w -> "/api/units/red-black-list/announcements",
                        w -> Map.of("communityId", w.communityA, "quarter", w.year + "Q1")).ok(201, ADMINS_A),
                // Wishes — a role that may never make the call is refused whatever the wish (403);
                // a role that may, outside the wish's place, is told there is no such wish (404)
                Call.post("order a wish", w -> "/api/wishes", w -> Map.of("category", "HEALTH", "title", "量血压",
                                "address", w.addressA, "contactPhone", "13700000000", "residentName", "某居民"))
                        .ok(201, RESIDENT, OTHER_RESIDENT, STAFF_A, CLIENT),
                // the units and members of A's Grand Party Committee see A's wishes, masked, to offer help
                Call.get("read a submitted wish", w -> "/api/wishes/" + w.wish(SUBMITTED))
                        .ok(RESIDENT, STAFF_A, UNIT_A, MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(join(join(B_SIDE, CLIENT), DEPARTMENTS)),
                Call.get("read a dispatched wish", w -> "/api/wishes/" + w.wish(DISPATCHED))
                        .ok(RESIDENT, STAFF_A, UNIT_A, MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(join(join(B_SIDE, CLIENT), DEPARTMENTS)),
                Call.get("read a wish's history", w -> "/api/wishes/" + w.wish(SUBMITTED) + "/history")
                        .ok(RESIDENT, STAFF_A, UNIT_A, MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(join(join(B_SIDE, CLIENT), DEPARTMENTS)),
                Call.get("list submitted wishes", w -> "/api/wishes?status=SUBMITTED").ok(Actor.values())
                        .listsTargetFor(RESIDENT, STAFF_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN),
                // a list is everyone's to ask for and holds only what the caller may see
                // the first page (50 by the kit's one page rule) holds the wishes A's unit or member claimed, whose
                // resident the claimer sees in clear, as on the wish itself
                Call.get("list a grid's wishes", w -> "/api/wishes?grid=" + w.gridA).ok(Actor.values())
                        .listsTargetFor(RESIDENT, STAFF_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .personalDataFor(RESIDENT, STAFF_A, UNIT_A, MEMBER_A),
                Call.post("dispatch", w -> "/api/wishes/" + w.wish(SUBMITTED) + "/dispatch", w -> Map.of("note", "派单"))
                        .ok(STAFF_A).hidden(B_STAFF),
                Call.post("reject", w -> "/api/wishes/" + w.wish(SUBMITTED) + "/reject", w -> Map.of("reason", "不属于微心愿"))
                        .ok(STAFF_A).hidden(B_STAFF),
                Call.post("claim", w -> "/api/wishes/" + w.wish(DISPATCHED) + "/claim", w -> null)
                        .ok(UNIT_A, MEMBER_A).hidden(UNIT_B, MEMBER_B).personalDataFor(RESIDENT, STAFF_A, UNIT_A, MEMBER_A),
                Call.post("release", w -> "/api/wishes/" + w.wish(CLAIMED) + "/release", w -> Map.of("reason", "人手不足"))
                        .ok(UNIT_A).hidden(UNIT_B, MEMBER_B),
                Call.post("fulfil", w -> "/api/wishes/" + w.wish(CLAIMED) + "/fulfil", w -> Map.of("note", "已上门"))
                        .ok(UNIT_A).hidden(UNIT_B, MEMBER_B).personalDataFor(RESIDENT, STAFF_A, UNIT_A),
                Call.post("close with a rating", w -> "/api/wishes/" + w.wish(FULFILLED) + "/close",
                        w -> Map.of("rating", 4, "comment", "很好")).ok(RESIDENT, STAFF_A)
                        .hidden(OTHER_RESIDENT, STAFF_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B, CLIENT),
                Call.post("cancel", w -> "/api/wishes/" + w.wish(SUBMITTED) + "/cancel", w -> Map.of("reason", "已解决"))
                        .ok(RESIDENT).hidden(OTHER_RESIDENT, STAFF_B, CLIENT),
                // residents push back: the one who ordered it reopens and urges, the grid asks, the resident answers
                Call.post("reopen", w -> "/api/wishes/" + w.wish(CLOSED) + "/reopen",
                        w -> Map.of("reason", "没修好")).ok(RESIDENT).hidden(OTHER_RESIDENT, STAFF_B, CLIENT),
                Call.post("urge", w -> "/api/wishes/" + w.wish(DISPATCHED) + "/urge", w -> null)
                        .ok(RESIDENT).hidden(OTHER_RESIDENT, STAFF_B, CLIENT),
                Call.post("ask the resident", w -> "/api/wishes/" + w.wish(SUBMITTED) + "/information-request",
                        w -> Map.of("question", "请问几楼？")).ok(STAFF_A).hidden(B_STAFF),
                Call.post("answer the grid", w -> "/api/wishes/" + w.wishAwaitingAnswer(false) + "/information",
                        w -> Map.of("answer", "五楼")).ok(RESIDENT).hidden(OTHER_RESIDENT, STAFF_B, CLIENT),
                // the answer names the resident's phone: only those who see the resident's data read it
                Call.get("read the grid's questions", w -> "/api/wishes/" + w.wishAwaitingAnswer(true) + "/information")
                        .ok(RESIDENT, STAFF_A, UNIT_A, MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(join(join(B_SIDE, CLIENT), DEPARTMENTS)),
                // photos: those who act on the wish add them, whoever sees the wish sees them
                Call.post("add a photo", w -> "/api/wishes/" + w.wish(CLAIMED) + "/attachments", w -> Upload.photo())
                        .ok(201, RESIDENT, STAFF_A, UNIT_A).hidden(join(join(B_SIDE, CLIENT), DEPARTMENTS)),
                Call.get("list a wish's photos", w -> "/api/wishes/" + w.wishWithPhoto() + "/attachments")
                        .ok(RESIDENT, STAFF_A, UNIT_A, MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(join(join(B_SIDE, CLIENT), DEPARTMENTS)),
                Call.get("read a photo", w -> w.photoOfWish())
                        .ok(RESIDENT, STAFF_A, UNIT_A, MEMBER_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN)
                        .hidden(join(join(B_SIDE, CLIENT), DEPARTMENTS)),
                Call.post("record a need", w -> "/api/needs", w -> Map.of("gridId", w.gridA, "category", "REPAIRS",
                        "title", "路灯维修", "householdsAffected", 30, "priority", "HIGH", "foundBy", "WALK"))
                        .ok(201, STAFF_AND_ADMINS_A),
                // staff and admins may ask; B's get an empty list
                Call.get("list a grid's needs", w -> "/api/needs?grid=" + w.gridA)
                        .ok(join(STAFF_AND_ADMINS_A, STAFF_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B))
                        .listsTargetFor(STAFF_AND_ADMINS_A),
                Call.get("read a need", w -> "/api/needs/" + w.needA).ok(STAFF_AND_ADMINS_A).hidden(B_STAFF),
                Call.post("publish a need", w -> "/api/needs/" + w.need() + "/publish", w -> null).ok(STAFF_AND_ADMINS_A)
                        .hidden(B_STAFF),
                Call.get("list a grid's rectifications", w -> "/api/rectifications?grid=" + w.gridA)
                        .ok(join(STAFF_AND_ADMINS_A, STAFF_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B))
                        .listsTargetFor(STAFF_AND_ADMINS_A),
                Call.get("read a rectification", w -> "/api/rectifications/" + w.rectificationA).ok(STAFF_AND_ADMINS_A)
                        .hidden(B_STAFF),
                Call.post("complete a rectification", w -> "/api/rectifications/" + w.rectification() + "/complete",
                        w -> Map.of("feedback", "已回访", "summary", "加强派单跟进")).ok(STAFF_AND_ADMINS_A)
                        .hidden(B_STAFF),
                Call.get("KPIs of a grid", w -> "/api/kpis?node=" + w.gridA).ok(STAFF_AND_ADMINS_A),
                // Client apps: the district registers them; an app reads only itself
                Call.post("register a client app", w -> "/api/apps", w -> Map.of("name", "热线" + w.tag,
                        "scopes", List.of("wishes:read", "wishes:write"), "jurisdiction", w.communityA)).ok(201, DISTRICT_ADMIN),
                Call.get("list client apps", w -> "/api/apps").ok(DISTRICT_ADMIN),
                Call.get("read a client app", w -> "/api/apps/" + w.appA).ok(DISTRICT_ADMIN).hidden(CLIENT),
                // Notifications: everyone reads their own inbox (apps-service)
                Call.get("my notifications", w -> "/api/me/notifications?unread=true").ok(Actor.values()),
                Call.get("my notification preferences", w -> "/api/me/notification-preferences").ok(Actor.values()),
                Call.put("choose my notification channels", w -> "/api/me/notification-preferences",
                        w -> Map.of("channels", List.of("SMS"), "quietHours", Map.of("from", "22:00", "to", "07:00")))
                        .ok(Actor.values()),
                Call.get("my WeChat binding", w -> "/api/me/wechat-binding").ok(Actor.values()),
                Call.put("bind my WeChat openid", w -> "/api/me/wechat-binding",
                        w -> Map.of("openId", "oMatrix" + w.tag + "0000000000")).ok(Actor.values()),
                Call.delete("unbind my WeChat openid", w -> "/api/me/wechat-binding").ok(204, Actor.values()),
                // Matching
                Call.get("candidates of a wish", w -> "/api/matching/wishes/" + w.wishWithCandidates() + "/candidates")
                        .ok(STAFF_AND_ADMINS_A).hidden(B_STAFF),
                Call.post("compute a project list", w -> "/api/matching/project-lists", w -> Map.of("communityId",
                        w.communityA, "year", w.year)).ok(201, ADMINS_A),
                Call.get("read a project list", w -> "/api/matching/project-lists/" + w.projectListA).ok(ADMINS_A)
                        .hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.get("list a community's project lists", w -> "/api/matching/project-lists?community=" + w.communityA
                        + "&year=" + w.year).ok(ADMINS_A),
                // a street's list spans its communities: its own admin and the district's, not a community's
                Call.post("compute a street's project list", w -> "/api/matching/project-lists", w -> Map.of("streetId",
                        TestCommunity.STREET, "year", w.year)).ok(201, STREET_ADMIN_A, DISTRICT_ADMIN),
                Call.get("list a street's project lists", w -> "/api/matching/project-lists?street=" + TestCommunity.STREET
                        + "&year=" + w.year).ok(STREET_ADMIN_A, DISTRICT_ADMIN),
                // The Grand Party Committee's projects: its admins run them, its units deliver, its people read
                Call.post("publish a project list again", w -> "/api/projects/publications",
                        w -> Map.of("projectListId", w.projectListA)).ok(ADMINS_A),
                Call.post("add a project", w -> "/api/projects", w -> Map.of("communityId", w.communityA, "year", w.year,
                        "title", "新项目", "category", "CULTURE")).ok(201, ADMINS_A),
                Call.post("raise a unit's quota", w -> "/api/projects/quotas", w -> Map.of("communityId", w.communityA,
                        "unitId", w.unitA, "year", w.year, "quota", 500)).ok(ADMINS_A),
                Call.get("list a community's projects", w -> "/api/projects?community=" + w.communityA + "&year=" + w.year)
                        .ok(COMMITTEE_A),
                Call.get("the opportunity list", w -> "/api/projects/opportunities?community=" + w.communityA
                        + "&year=" + w.year).ok(COMMITTEE_A),
                Call.get("read a project", w -> "/api/projects/" + w.projectA).ok(COMMITTEE_A).hidden(NOT_IN_A),
                Call.post("claim a project", w -> "/api/projects/" + w.project() + "/claim", w -> null).ok(UNIT_A)
                        .hidden(UNIT_B),
                Call.post("decline a project", w -> "/api/projects/" + w.claimedProject() + "/decline",
                        w -> Map.of("reason", "人手不足")).ok(UNIT_A).hidden(UNIT_B),
                Call.post("sign a claim agreement", w -> "/api/projects/" + w.claimedProject() + "/agreement",
                        w -> w.agreementBody()).ok(201, UNIT_A).hidden(UNIT_B),
                Call.get("read a claim agreement", w -> "/api/projects/" + w.signedProject() + "/agreement")
                        .ok(COMMITTEE_A).hidden(NOT_IN_A),
                Call.post("report progress", w -> "/api/projects/" + w.signedProject() + "/progress",
                        w -> Map.of("note", "进展", "percent", 50)).ok(UNIT_A).hidden(UNIT_B),
                Call.post("report completion", w -> "/api/projects/" + w.signedProject() + "/completion", w -> null)
                        .ok(UNIT_A).hidden(UNIT_B),
                Call.post("review a project", w -> "/api/projects/" + w.signedProject() + "/reviews",
                        w -> Map.of("quarter", w.year + "Q1", "grade", "GOOD")).ok(201, ADMINS_A).hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.post("cancel a project", w -> "/api/projects/" + w.project() + "/cancellation",
                        w -> Map.of("reason", "并入街道工程")).ok(ADMINS_A).hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.get("read a project's reviews", w -> "/api/projects/" + w.projectA + "/reviews").ok(COMMITTEE_A)
                        .hidden(NOT_IN_A),
                // the year-end assessment: A's admins compute and read it, A's unit reads its own row
                Call.post("compute the year-end assessment", MatrixWorld::assessedLastYear, w -> Map.of("communityId",
                        w.communityA, "year", w.year - 1)).ok(ADMINS_A),
                Call.get("read the year-end assessment", w -> w.assessedLastYear() + "?community=" + w.communityA + "&year="
                        + (w.year - 1)).ok(UNIT_A, COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN),
                // meetings: A's admins run them; those in A's committee read them; an attendee (A's unit) votes
                Call.post("schedule a meeting", w -> "/api/meetings", MatrixWorld::meetingBody).ok(201, ADMINS_A),
                Call.get("list a community's meetings", w -> "/api/meetings?community=" + w.communityA).ok(COMMITTEE_A),
                Call.get("read a meeting", w -> "/api/meetings/" + w.meeting()).ok(COMMITTEE_A).hidden(NOT_IN_A),
                Call.post("record a meeting's attendance", w -> "/api/meetings/" + w.meeting() + "/attendance",
                        w -> Map.of("present", List.of(w.unitA))).ok(ADMINS_A).hidden(B_STAFF),
                Call.put("write a meeting's minutes", w -> "/api/meetings/" + w.meeting() + "/minutes",
                        w -> Map.of("text", "会议纪要")).ok(ADMINS_A).hidden(B_STAFF),
                Call.post("put a motion", w -> "/api/meetings/" + w.meeting() + "/motions",
                        w -> Map.of("agendaItem", 0, "text", "动议")).ok(201, ADMINS_A).hidden(B_STAFF),
                Call.post("close a meeting", w -> "/api/meetings/" + w.meeting() + "/close", w -> null).ok(ADMINS_A)
                        .hidden(B_STAFF),
                Call.get("read a motion", w -> "/api/motions/" + w.motion()).ok(COMMITTEE_A).hidden(NOT_IN_A),
                Call.post("vote on a motion", w -> "/api/motions/" + w.motion() + "/votes",
                        w -> Map.of("voterId", w.unitA, "choice", "FOR")).ok(join(ADMINS_A, UNIT_A))
                        .hidden(STAFF_B, UNIT_B, MEMBER_A, MEMBER_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.post("close a motion", w -> "/api/motions/" + w.motion() + "/close", w -> null).ok(ADMINS_A)
                        .hidden(B_STAFF),
                // 四议两公开: A's admins deliberate and disclose; the notice board is everyone's
                Call.post("open a deliberation", w -> "/api/deliberations", w -> Map.of("communityId", w.communityA,
                        "title", "甲议题", "description", "议事")).ok(201, ADMINS_A),
                Call.get("read a deliberation", w -> "/api/deliberations/" + w.deliberation(0)).ok(COMMITTEE_A)
                        .hidden(NOT_IN_A),
                Call.post("take a deliberation's step", w -> "/api/deliberations/" + w.deliberation(0) + "/steps",
                        MatrixWorld::passedMotion).ok(ADMINS_A).hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.post("disclose a resolution", w -> "/api/deliberations/" + w.deliberation(4) + "/disclosures",
                        w -> Map.of("kind", "RESOLUTION", "text", "决议公开")).ok(201, ADMINS_A)
                        .hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.get("read the notice board", w -> "/api/disclosures?community=" + w.communityA).ok(Actor.values()),
                // joint activities (活动联办): A's admins plan them; party members sign up; A's admins and the organising
                // unit (A's) check people in and complete them; volunteers are A's admins' and staff's to register (a resident registers themself in their own community), the ranking anyone's
                Call.post("plan an activity", w -> "/api/activities", w -> w.activityBody(false)).ok(201, ADMINS_A),
                Call.get("list a community's activities", w -> "/api/activities?community=" + w.communityA)
                        .ok(Actor.values()),
                Call.get("read an activity", w -> "/api/activities/" + w.activity(false)).ok(Actor.values()),
                Call.get("see an activity's teams by grid", w -> "/api/activities/" + w.activity(false) + "/teams")
                        .ok(join(STAFF_AND_ADMINS_A, UNIT_A)),
                Call.post("sign up for an activity", w -> "/api/activities/" + w.activity(false) + "/registrations",
                        w -> null).ok(201, MEMBER_A, MEMBER_B),
                Call.delete("cancel a registration", w -> "/api/activities/" + w.activityWithMemberA(true)
                        + "/registrations/" + w.memberA).ok(204, join(join(ADMINS_A, UNIT_A), MEMBER_A)),
                Call.post("check in at an activity", w -> "/api/activities/" + w.activityWithMemberA(false) + "/check-ins",
                        w -> Map.of("personId", w.memberA)).ok(join(ADMINS_A, UNIT_A)),
                Call.post("complete an activity", w -> "/api/activities/" + w.activity(false) + "/complete", w -> null)
                        .ok(join(ADMINS_A, UNIT_A)),
                Call.post("register a volunteer", w -> "/api/volunteers", w -> Map.of("name", "甲志愿者",
                        "communityId", w.communityA, "phone", "13900000000")).ok(201, join(ADMINS_A, STAFF_A)),
                Call.get("read a volunteer", w -> "/api/volunteers/" + w.volunteerA()).ok(ADMINS_A)
                        .hidden(RESIDENT, OTHER_RESIDENT, STAFF_A, STAFF_B, UNIT_A, UNIT_B, MEMBER_A, MEMBER_B,
                                COMMUNITY_ADMIN_B, STREET_ADMIN_B, CLIENT, DEPARTMENT_A, DEPARTMENT_B),
                Call.get("the volunteer ranking", w -> "/api/volunteers/ranking?community=" + w.communityA)
                        .ok(Actor.values()),
                // Field work: the district registers departments; A's staff and admins report, file, refer (吹哨) and
                // verify A's cases; the department a case is referred to acknowledges it (报到); others do not see it
                Call.post("register a department", w -> "/api/departments", w -> Map.of("name", w.departmentName(),
                        "categories", List.of("REPAIRS"))).ok(201, DISTRICT_ADMIN),
                Call.get("list the departments", w -> "/api/departments").ok(Actor.values()),
                Call.get("read a department", w -> "/api/departments/" + w.departmentA).ok(Actor.values()),
                Call.get("a department's performance", w -> "/api/departments/" + w.departmentA + "/performance?from="
                        + w.year + "-01-01&to=" + w.year + "-12-31").ok(COMMUNITY_ADMIN_A, COMMUNITY_ADMIN_B,
                        STREET_ADMIN_A, STREET_ADMIN_B, DISTRICT_ADMIN, DEPARTMENT_A),
                Call.get("a street's evaluation", w -> "/api/streets/" + TestCommunity.STREET + "/performance?from="
                        + w.year + "-01-01&to=" + w.year + "-12-31").ok(STREET_ADMIN_A, DISTRICT_ADMIN),
                Call.post("report a case", w -> "/api/cases", w -> Map.of("microGridId", w.microGridA, "category", "REPAIRS",
                        "description", "路灯不亮", "severity", "ROUTINE")).ok(201, join(STAFF_AND_ADMINS_A, MEMBER_A)),
                Call.get("list a grid's cases", w -> "/api/cases?node=" + w.gridA).ok(STAFF_AND_ADMINS_A),
                Call.get("read a referred case", w -> "/api/cases/" + w.fieldCase(MatrixWorld.CaseStage.REFERRED))
                        .ok(join(STAFF_AND_ADMINS_A, DEPARTMENT_A))
                        .hidden(STAFF_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B, MEMBER_A, MEMBER_B, CLIENT, DEPARTMENT_B),
                Call.post("file a case", w -> "/api/cases/" + w.fieldCase(MatrixWorld.CaseStage.REPORTED) + "/filing",
                        w -> null).ok(STAFF_AND_ADMINS_A).hidden(B_STAFF),
                Call.post("decline a case", w -> "/api/cases/" + w.fieldCase(MatrixWorld.CaseStage.REPORTED) + "/decline",
                        w -> Map.of("reason", "不属于本社区")).ok(STAFF_AND_ADMINS_A).hidden(B_STAFF),
                Call.post("refer a case to a department", w -> "/api/cases/" + w.fieldCase(MatrixWorld.CaseStage.FILED)
                        + "/referral", w -> Map.of("departmentId", w.departmentA)).ok(STAFF_AND_ADMINS_A).hidden(B_STAFF),
                Call.post("acknowledge a referred case", w -> "/api/cases/" + w.fieldCase(MatrixWorld.CaseStage.REFERRED)
                        + "/acknowledgement", w -> null).ok(DEPARTMENT_A).hidden(DEPARTMENT_B),
                // a case the community solves itself; the department it was never referred to does not see it
                Call.post("report a case handled", w -> "/api/cases/" + w.fieldCase(MatrixWorld.CaseStage.FILED)
                        + "/handling-report", w -> Map.of("note", "已处置")).ok(STAFF_AND_ADMINS_A)
                        .hidden(join(B_STAFF, DEPARTMENTS)),
                Call.post("verify a case on site", w -> "/api/cases/" + w.fieldCase(MatrixWorld.CaseStage.HANDLED_BY_COMMUNITY)
                        + "/verification", w -> Map.of("passed", true)).ok(STAFF_AND_ADMINS_A)
                        .hidden(STAFF_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B, MEMBER_A, MEMBER_B, CLIENT),
                // patrols are the grid staff's own; visits also the community's party members'
                Call.post("start a patrol", w -> "/api/patrols", w -> Map.of("gridId", w.gridA)).ok(201, STAFF_A),
                Call.get("read a patrol", w -> "/api/patrols/" + w.patrol()).ok(STAFF_AND_ADMINS_A).hidden(B_STAFF),
                Call.get("list a grid's patrols", w -> "/api/patrols?node=" + w.gridA + "&from=" + w.year + "-01-01&to="
                        + w.year + "-12-31").ok(STAFF_AND_ADMINS_A),
                Call.post("check in on a patrol", w -> "/api/patrols/" + w.patrol() + "/check-ins",
                        w -> Map.of("place", "北口")).ok(201, STAFF_A).hidden(STAFF_B),
                Call.post("report a patrol's finding", w -> "/api/patrols/" + w.patrol() + "/findings",
                        w -> Map.of("description", "井盖缺失")).ok(201, STAFF_A).hidden(STAFF_B),
                Call.post("end a patrol", w -> "/api/patrols/" + w.patrol() + "/end", w -> null).ok(STAFF_A).hidden(STAFF_B),
                Call.post("log a visit", w -> "/api/visits", w -> Map.of("householdId", w.householdA, "kind", "ROUTINE",
                        "note", "走访")).ok(201, join(STAFF_AND_ADMINS_A, MEMBER_A)),
                Call.get("list a grid's visits", w -> "/api/visits?node=" + w.gridA + "&from=" + w.year + "-01-01&to="
                        + w.year + "-12-31").ok(STAFF_AND_ADMINS_A),
                Call.get("coverage of a grid's households", w -> "/api/visits/coverage?node=" + w.gridA + "&from=" + w.year
                        + "-01-01&to=" + w.year + "-12-31").ok(STAFF_AND_ADMINS_A),
                Call.get("read a visit", w -> "/api/visits/" + w.visitWithFinding()).ok(STAFF_AND_ADMINS_A)
                        .hidden(join(B_STAFF_AND_MEMBER, MEMBER_A)),
                Call.post("raise a visit's finding as a need", w -> "/api/visits/" + w.visitWithFinding()
                        + "/findings/0/need", w -> Map.of("category", "REPAIRS")).ok(201, STAFF_AND_ADMINS_A)
                        .hidden(join(B_STAFF_AND_MEMBER, MEMBER_A)),
                Call.post("make a visit's finding a case", w -> "/api/visits/" + w.visitWithFinding()
                        + "/findings/0/case", w -> Map.of("category", "REPAIRS", "severity", "ROUTINE"))
                        .ok(201, STAFF_AND_ADMINS_A).hidden(join(B_STAFF_AND_MEMBER, MEMBER_A)),
                Call.get("one's own work log", w -> "/api/visits/work-log?date=" + w.year + "-01-02")
                        .ok(STAFF_A, STAFF_B, MEMBER_A, MEMBER_B, COMMUNITY_ADMIN_A, COMMUNITY_ADMIN_B, STREET_ADMIN_A,
                                STREET_ADMIN_B, DISTRICT_ADMIN),
                // a household in care (四个一): its grid's staff, its carer (A's party member) and the admins over it
                Call.get("read a care recipient", w -> "/api/care-recipients/" + w.careRecipientA)
                        .ok(join(STAFF_AND_ADMINS_A, MEMBER_A)).hidden(B_STAFF_AND_MEMBER),
                Call.get("list a grid's care recipients", w -> "/api/care-recipients?node=" + w.gridA).ok(STAFF_AND_ADMINS_A),
                Call.post("record a care contact", w -> "/api/care-recipients/" + w.careRecipientA + "/contacts",
                        w -> Map.of("kind", "DAILY_CARE", "note", "电话问候")).ok(201, STAFF_A, MEMBER_A)
                        .hidden(STAFF_B, MEMBER_B),
                // a grid's patrol plan (巡查计划): its staff and the admins over it set and read it with the patrols missed;
                // B's staff and admins may not set it (403) and are told it does not exist (404)
                Call.put("set a grid's patrol plan", w -> "/api/patrol-plans/" + w.gridA,
                        w -> Map.of("places", List.of("甲网格东门", "农贸市场"), "everyDays", 1)).ok(STAFF_AND_ADMINS_A),
                Call.get("read a grid's patrol plan", w -> "/api/patrol-plans/" + w.gridA).ok(STAFF_AND_ADMINS_A)
                        .hidden(STAFF_B, COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.get("list the patrol plans below a node", w -> "/api/patrol-plans?node=" + w.gridA).ok(STAFF_AND_ADMINS_A),
                Call.get("a grid's care coverage", w -> "/api/care/coverage?node=" + w.gridA + "&week=" + w.year + "-03-04")
                        .ok(STAFF_AND_ADMINS_A),
                // an emergency operation over A (战时攻坚): A's community and street admins run it, A's grid staff and
                // the units it called out (A's) see it, the called report in; nobody else learns it exists
                Call.post("open an emergency operation", w -> "/api/operations", w -> Map.of("scopeNodeId", w.communityA,
                        "kind", "FLOOD", "title", "防汛", "taskGroups", List.of(Map.of("name", "巡堤组"))))
                        .ok(201, COMMUNITY_ADMIN_A, STREET_ADMIN_A),
                Call.get("list a community's operations", w -> "/api/operations?node=" + w.communityA)
                        .ok(COMMUNITY_ADMIN_A, STREET_ADMIN_A, DISTRICT_ADMIN),
                Call.get("read an operation", w -> "/api/operations/" + w.operation())
                        .ok(join(STAFF_AND_ADMINS_A, UNIT_A)).hidden(OUTSIDE_OPERATION),
                Call.get("an operation's roll call", w -> "/api/operations/" + w.operation() + "/roll-call")
                        .ok(join(STAFF_AND_ADMINS_A, UNIT_A)).hidden(OUTSIDE_OPERATION),
                // (after the reads above, which waited until fieldwork-service knew A's unit)
                Call.post("call out to an operation", w -> "/api/operations/" + w.openOperation() + "/call-outs",
                        w -> Map.of("unitIds", List.of(w.unitA))).ok(201, COMMUNITY_ADMIN_A, STREET_ADMIN_A)
                        .hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.post("report in to an operation", w -> "/api/operations/" + w.operation() + "/reports",
                        w -> Map.of("status", "ARRIVED")).ok(UNIT_A).hidden(UNIT_B, MEMBER_A, MEMBER_B),
                Call.post("assign an operation's task", w -> "/api/operations/" + w.operation() + "/tasks",
                        w -> Map.of("groupName", "巡堤组", "text", "巡查河堤")).ok(201, COMMUNITY_ADMIN_A, STREET_ADMIN_A)
                        .hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                Call.post("close an operation", w -> "/api/operations/" + w.operation() + "/close", w -> null)
                        .ok(COMMUNITY_ADMIN_A, STREET_ADMIN_A).hidden(COMMUNITY_ADMIN_B, STREET_ADMIN_B),
                // user management (the identity provider): the admins over A manage A's people; B's admins are refused
                // A's people and A's node, everyone else is no admin
                Call.get("list a community's users", w -> "/api/users?jurisdiction=" + w.communityA).ok(ADMINS_A),
                Call.get("read a user", w -> "/api/users/" + w.userA()).ok(ADMINS_A),
                Call.post("create a user", w -> "/api/users", MatrixWorld::newUser).ok(201, ADMINS_A),
                Call.patch("change a user's roles", w -> "/api/users/" + w.userA(),
                        w -> Map.of("roles", List.of("GRID_STAFF", "VOLUNTEER"), "member", w.memberA)).ok(ADMINS_A),
                Call.post("lock a user", w -> "/api/users/" + w.userA() + "/lock", w -> null).ok(ADMINS_A),
                Call.post("unlock a user", w -> "/api/users/" + w.userA() + "/unlock", w -> null).ok(ADMINS_A),
                Call.post("disable a user", w -> "/api/users/" + w.userA() + "/disable", w -> null).ok(ADMINS_A),
                Call.post("enable a user", w -> "/api/users/" + w.userA() + "/enable", w -> null).ok(ADMINS_A),
                Call.post("reset a user's password", w -> "/api/users/" + w.userA() + "/password-reset", w -> null)
                        .ok(ADMINS_A));
    }

    @TestFactory
    Stream<DynamicNode> every_call_by_every_caller_inside_and_outside_the_jurisdiction() {
        MatrixWorld world = new MatrixWorld(SystemPlatform.shared());
        return calls().stream().map(call -> DynamicContainer.dynamicContainer(call.method() + " " + call.name(),
                Arrays.stream(Actor.values()).map(actor -> DynamicTest.dynamicTest(actor.name(), () -> {
                    String path = call.path().apply(world);
                    ApiResponse reply = send(world.as(actor), call.method(), path, call.body().apply(world));
                    String context = actor + " " + call.method() + " " + path + " → " + reply;

                    assertThat(reply.status()).as(context).isEqualTo(call.expectedFor(actor));
                    if (reply.status() >= 400) {
                        assertThat(reply.contentType()).as(context).startsWith("application/problem+json");
                    }
                    if (reply.status() >= 400 || actor.outsider()) {
                        assertThat(reply.body()).as(context).doesNotContain(world.wishTitle, world.needTitle, world.rectificationComment,
                                world.memberPhone);
                    }
                    if (!call.mayReadPersonalData(actor)) {
                        assertThat(reply.body()).as(context).doesNotContain(world.residentName, world.residentPhone);
                    }
                    if (call.seeTarget().contains(actor)) {
                        assertThat(reply.body()).as(context).containsAnyOf(world.wishTitle, world.needTitle, world.rectificationComment);
                    }
                }))));
    }

    private static ApiResponse send(ApiClient caller, String method, String path, Object body) {
        return switch (method) {
            case "GET" -> path.contains("/attachments/")
                    ? caller.withHeader("Accept", "image/*, application/problem+json").get(path) : caller.get(path);
            case "PUT" -> caller.put(path, MatrixWorld.json(body));
            case "PATCH" -> caller.raw("PATCH", path, "application/json",
                    MatrixWorld.json(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "DELETE" -> caller.raw("DELETE", path, null, null);
            default -> body instanceof Upload file ? caller.upload(path, file)
                    : caller.post(path, body == null ? null : MatrixWorld.json(body));
        };
    }

    private static Actor[] join(Actor[] actors, Actor... more) {
        return Stream.concat(Arrays.stream(actors), Arrays.stream(more)).toArray(Actor[]::new);
    }
}
