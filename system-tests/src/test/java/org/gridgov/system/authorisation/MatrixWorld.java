package org.gridgov.system.authorisation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.gridgov.infra.TokenRequest;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.gridgov.system.platform.Upload;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two communities built through the public API — A in one street of the district, B in another —
 * each with a grid, a household, a member unit and a party member, and someone of every
 * {@link Actor} kind. The titles and phones of A carry this run's tag, so a reply can be searched for
 * them: the secrets that must never reach anyone who may not see them.
 */
final class MatrixWorld {

    /** The workflow states a target wish can be brought to. */
    enum State { SUBMITTED, DISPATCHED, CLAIMED, FULFILLED, CLOSED }

    private static final JsonMapper JSON = JsonMapper.shared();

    final String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    final int year = LocalDate.now(ZoneOffset.UTC).getYear();
    final TestCommunity a;
    final TestCommunity b;
    final String communityA;
    final String gridA;
    final String addressA;
    final String wishTitle = "甲心愿" + tag;
    final String needTitle = "甲需求" + tag;
    final String rectificationComment = "没人来" + tag;
    final String residentName = "甲居民" + tag;
    final String residentPhone = "138" + tag + "01";
    final String memberPhone = "139" + tag + "02";
    final String unitA;
    final String memberA;
    final String storeItemA;
    final String needA;
    final String itemA;
    final String rectificationA;
    final String projectListA;
    final String appA;
    final String projectA;
    final String microGridA;
    final String departmentA;
    final String householdA;
    /** A's household in 四个一 care, A's party member its carer. */
    final String careRecipientA;
    private int emptyMicroGrids;
    private int departments;
    private String userA;
    private int users;

    private final Map<Actor, ApiClient> callers = new EnumMap<>(Actor.class);
    private final Convergence convergence;

    MatrixWorld(SystemPlatform platform) {
        this.convergence = new Convergence(platform);
        a = TestCommunity.create(platform, TestCommunity.STREET, 1, 1);
        b = TestCommunity.create(platform, TestCommunity.OTHER_STREET, 1, 1);
        communityA = a.id();
        gridA = a.grids().get(0).id();
        addressA = a.grids().get(0).addresses().get(0);
        unitA = a.joinUnit("甲单位" + tag, "ELDERLY_CARE");
        String unitB = b.joinUnit("乙单位" + tag, "ELDERLY_CARE");
        memberA = member(a, "甲党员" + tag, memberPhone);
        String memberB = member(b, "乙党员" + tag, "137" + tag + "03");

        callers.put(Actor.RESIDENT, a.resident("matrix-resident-" + tag));
        callers.put(Actor.OTHER_RESIDENT, b.resident("matrix-other-resident-" + tag));
        callers.put(Actor.STAFF_A, a.staff(a.grids().get(0)));
        callers.put(Actor.STAFF_B, b.staff(b.grids().get(0)));
        callers.put(Actor.UNIT_A, a.unit(unitA));
        callers.put(Actor.UNIT_B, b.unit(unitB));
        callers.put(Actor.MEMBER_A, a.partyMember(memberA));
        callers.put(Actor.MEMBER_B, b.partyMember(memberB));
        callers.put(Actor.COMMUNITY_ADMIN_A, a.admin());
        callers.put(Actor.COMMUNITY_ADMIN_B, b.admin());
        callers.put(Actor.STREET_ADMIN_A, platform.as(admin("STREET_ADMIN", TestCommunity.STREET)));
        callers.put(Actor.STREET_ADMIN_B, platform.as(admin("STREET_ADMIN", TestCommunity.OTHER_STREET)));
        callers.put(Actor.DISTRICT_ADMIN, platform.as(admin("DISTRICT_ADMIN", TestCommunity.DISTRICT)));
        callers.put(Actor.CLIENT, platform.as(TokenRequest.of("matrix-hotline-" + tag, "CLIENT")
                .withScope("wishes:read wishes:write grid:resolve")));

        storeItemA = as(Actor.COMMUNITY_ADMIN_A).post("/api/points/store-items", json(Map.of("communityId", communityA,
                "name", "甲兑换品" + tag, "price", 500, "stock", 3))).expect(201).field("id");
        needA = need();
        itemA = as(Actor.UNIT_A).get("/api/units/" + unitA + "/resource-lists/" + year).expect(200)
                .json().at("/items/0/itemId").asString();
        projectListA = as(Actor.COMMUNITY_ADMIN_A).post("/api/matching/project-lists", json(Map.of("communityId",
                communityA, "year", year))).expect(201).field("id");
        // wish-service knows A's unit once a wish of A can be claimed by it
        wish(State.CLAIMED);
        rectificationA = rectification();
        publishProjectList();
        // committee-service knows A's unit once an admin can set its quota; a high one, as every row claims afresh
        TestCommunity.onceKnown(as(Actor.COMMUNITY_ADMIN_A), "/api/projects/quotas", json(Map.of("communityId", communityA,
                "unitId", unitA, "year", year, "quota", 500))).expect(200);
        projectA = project();
        microGridA = a.grids().get(0).microGridId();
        departmentA = as(Actor.DISTRICT_ADMIN).post("/api/departments", json(Map.of("name", "甲区城管中心" + tag,
                "categories", List.of("REPAIRS", "ENVIRONMENT"), "streetIds", List.of(TestCommunity.STREET)))).expect(201).field("id");
        String departmentB = as(Actor.DISTRICT_ADMIN).post("/api/departments", json(Map.of("name", "乙派出所" + tag,
                "categories", List.of("REPAIRS", "SAFETY"), "streetIds", List.of(TestCommunity.OTHER_STREET)))).expect(201).field("id");
        callers.put(Actor.DEPARTMENT_A, platform.as(TokenRequest.of("matrix-department-a-" + tag, "DEPARTMENT")
                .withDepartment(departmentA)));
        callers.put(Actor.DEPARTMENT_B, platform.as(TokenRequest.of("matrix-department-b-" + tag, "DEPARTMENT")
                .withDepartment(departmentB)));
        householdA = as(Actor.STAFF_A).get("/api/grid/nodes/" + gridA + "/households").expect(200).json()
                .at("/items/0/id").asString();
        // fieldwork-service knows A's household once a visit to it is logged
        TestCommunity.onceKnown(as(Actor.STAFF_A), "/api/visits", json(Map.of("householdId", householdA, "kind", "ROUTINE",
                "note", "走访"))).expect(201);
        careRecipientA = as(Actor.STAFF_A).post("/api/care-recipients", json(Map.of("householdId", householdA,
                "groups", List.of("ELDERLY_ALONE"), "carers", List.of(memberA)))).expect(201).field("id");
        as(Actor.STAFF_A).put("/api/patrol-plans/" + gridA, json(Map.of("places", List.of("甲网格东门"), "everyDays", 1)))
                .expect(200);
        appA = as(Actor.DISTRICT_ADMIN).post("/api/apps", json(Map.of("name", "甲社区小程序" + tag,
                "scopes", List.of("wishes:read"), "jurisdiction", communityA))).expect(201).field("id");
    }

    /** A fresh rectification (整改) of A's grid: a rating of 2 or less opens one. */
    String rectification() {
        String unhappy = wish(State.FULFILLED);
        as(Actor.RESIDENT).post("/api/wishes/" + unhappy + "/close", json(Map.of("rating", 1, "comment", rectificationComment))).expect(200);
        for (var item : as(Actor.STAFF_A).get("/api/rectifications?grid=" + gridA + "&limit=100").expect(200).json().path("items")) {
            if (item.path("wishId").asString().equals(unhappy)) {
                return item.path("id").asString();
            }
        }
        throw new IllegalStateException("no rectification was opened for wish " + unhappy + " rated 1");
    }

    /** A fresh need of A's grid, recorded by its staff and not yet published. */
    String need() {
        return as(Actor.STAFF_A).post("/api/needs", json(Map.of("gridId", gridA, "category", "REPAIRS", "title", needTitle,
                "householdsAffected", 12, "priority", "NORMAL", "foundBy", "LOOK", "publish", false))).expect(201).field("id");
    }

    /** A fresh service record of A's party member, waiting for approval. */
    String serviceRecord() {
        return as(Actor.MEMBER_A).post("/api/members/" + memberA + "/service-records", json(Map.of("hours", 2,
                "servedOn", LocalDate.now(ZoneOffset.UTC).toString(), "activity", "助老送餐"))).expect(201).field("id");
    }

    /** committee-service publishes A's project list once it has heard of the list and its needs. */
    private void publishProjectList() {
        Convergence.eventually(Duration.ofSeconds(90), () -> as(Actor.COMMUNITY_ADMIN_A).post("/api/projects/publications",
                json(Map.of("projectListId", projectListA))), reply -> reply.status() == 201).expect(201);
    }

    /**
     * Last year's assessment of A brought up to date by A's admin (other rows add units to A), so that
     * the caller's computation finds nothing changed: 200 with the latest version.
     */
    String assessedLastYear() {
        as(Actor.COMMUNITY_ADMIN_A).post("/api/assessments", json(Map.of("communityId", communityA, "year", year - 1)))
                .expect(200, 201);
        return "/api/assessments";
    }

    /** A joint meeting of A next week inviting A's unit. */
    Map<String, Object> meetingBody() {
        return Map.of("communityId", communityA, "kind", "JOINT", "title", "甲联席会议" + tag,
                "scheduledAt", Instant.now().plus(Duration.ofDays(7)).toString(), "place", "甲社区会议室",
                "agenda", List.of(Map.of("title", "议题", "refKind", "OTHER")), "invitees", Map.of("unitIds", List.of(unitA)));
    }

    /** A fresh joint meeting of A, with A's unit present. */
    String meeting() {
        String meeting = as(Actor.COMMUNITY_ADMIN_A).post("/api/meetings", json(meetingBody())).expect(201).field("id");
        as(Actor.COMMUNITY_ADMIN_A).post("/api/meetings/" + meeting + "/attendance", json(Map.of("present", List.of(unitA))))
                .expect(200);
        return meeting;
    }

    /** A fresh open motion of a fresh meeting of A. */
    String motion() {
        return as(Actor.COMMUNITY_ADMIN_A).post("/api/meetings/" + meeting() + "/motions",
                json(Map.of("agendaItem", 0, "text", "甲动议"))).expect(201).field("id");
    }

    /** A fresh activity of A organised with A's unit: under way (started an hour ago), or upcoming (tomorrow). */
    Map<String, Object> activityBody(boolean upcoming) {
        Instant start = Instant.now().plus(upcoming ? Duration.ofDays(1) : Duration.ofHours(-1));
        return Map.of("communityId", communityA, "title", "甲活动" + tag, "kind", "VOLUNTEER_SERVICE",
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(3)).toString(), "place", "甲社区广场",
                "capacity", 30, "hours", 2, "points", 10, "organiserUnitIds", List.of(unitA));
    }

    String activity(boolean upcoming) {
        return as(Actor.COMMUNITY_ADMIN_A).post("/api/activities", json(activityBody(upcoming))).expect(201).field("id");
    }

    /** A fresh activity of A with A's party member signed up (once the committee knows the member). */
    String activityWithMemberA(boolean upcoming) {
        String activity = activity(upcoming);
        TestCommunity.onceKnown(as(Actor.MEMBER_A), "/api/activities/" + activity + "/registrations", null).expect(201);
        return activity;
    }

    /** A fresh volunteer (志愿者) of A. */
    String volunteerA() {
        return as(Actor.COMMUNITY_ADMIN_A).post("/api/volunteers", json(Map.of("name", "甲志愿者" + tag,
                "communityId", communityA, "phone", "13900000000"))).expect(201).field("id");
    }

    /** A fresh deliberation of A, {@code steps} of its four steps taken. */
    String deliberation(int steps) {
        String deliberation = as(Actor.COMMUNITY_ADMIN_A).post("/api/deliberations", json(Map.of("communityId", communityA,
                "title", "甲议题" + tag, "description", "议事"))).expect(201).field("id");
        for (int i = 0; i < steps; i++) {
            as(Actor.COMMUNITY_ADMIN_A).post("/api/deliberations/" + deliberation + "/steps", json(passedMotion()))
                    .expect(200);
        }
        return deliberation;
    }

    /** A motion of a fresh meeting of A, passed by A's unit: {@code {meetingId, motionId}}. */
    Map<String, Object> passedMotion() {
        String motion = motion();
        as(Actor.COMMUNITY_ADMIN_A).post("/api/motions/" + motion + "/votes", json(Map.of("voterId", unitA, "choice", "FOR")))
                .expect(200);
        JsonNode closed = as(Actor.COMMUNITY_ADMIN_A).post("/api/motions/" + motion + "/close", null).expect(200).json();
        return Map.of("meetingId", closed.path("meetingId").asString(), "motionId", motion);
    }

    /** A fresh project on A's opportunity list, added by A's admin. */
    String project() {
        return as(Actor.COMMUNITY_ADMIN_A).post("/api/projects", json(Map.of("communityId", communityA, "year", year,
                "title", "甲项目" + tag, "category", "ELDERLY_CARE"))).expect(201).field("id");
    }

    /** A fresh project claimed by A's unit. */
    String claimedProject() {
        String project = project();
        as(Actor.UNIT_A).post("/api/projects/" + project + "/claim", null).expect(200);
        return project;
    }

    /** A fresh project A's unit has signed for. */
    String signedProject() {
        String project = claimedProject();
        as(Actor.UNIT_A).post("/api/projects/" + project + "/agreement", json(agreementBody())).expect(201);
        return project;
    }

    /** A fresh project A's unit has signed for, once member-service has heard so (its resources may go to it). */
    String projectMembersKnowSigned() {
        String project = signedProject();
        String known = "select count(*) from unit_project_fact where kind = 'SIGNED' and project_id = '" + project + "'";
        long facts = Convergence.eventually(Duration.ofSeconds(60), () -> convergence.count(ServiceSpec.MEMBER, known),
                count -> count == 1);
        if (facts != 1) {
            throw new IllegalStateException("member-service never heard that project " + project + " was signed");
        }
        return project;
    }

    Map<String, Object> agreementBody() {
        return Map.of("signatory", "甲签约人", "commitments", "按期完成",
                "milestones", List.of(Map.of("title", "完成", "dueDate", year + "-12-31")));
    }

    /** The stages a case of A can be brought to (fieldwork-service). */
    enum CaseStage { REPORTED, FILED, REFERRED, ACKNOWLEDGED, HANDLED_BY_COMMUNITY }

    /** A fresh case in A's first micro-grid, reported by A's staff and brought to the stage. */
    String fieldCase(CaseStage stage) {
        String id = TestCommunity.onceKnown(as(Actor.STAFF_A), "/api/cases", json(Map.of("microGridId", microGridA,
                "category", "REPAIRS", "description", "甲案件" + tag, "householdsAffected", 10, "shopsAffected", 0,
                "severity", "ROUTINE"))).expect(201).field("id");
        String path = "/api/cases/" + id;
        if (stage.compareTo(CaseStage.FILED) >= 0) {
            as(Actor.STAFF_A).post(path + "/filing", null).expect(200);
        }
        if (stage == CaseStage.REFERRED || stage == CaseStage.ACKNOWLEDGED) {
            as(Actor.STAFF_A).post(path + "/referral", json(Map.of("departmentId", departmentA))).expect(200);
        }
        if (stage == CaseStage.ACKNOWLEDGED) {
            as(Actor.DEPARTMENT_A).post(path + "/acknowledgement", null).expect(200);
        }
        if (stage == CaseStage.HANDLED_BY_COMMUNITY) {
            as(Actor.STAFF_A).post(path + "/handling-report", json(Map.of("note", "社区自行处置"))).expect(200);
        }
        return id;
    }

    /** A fresh patrol of A's grid by A's staff, in progress. */
    String patrol() {
        return as(Actor.STAFF_A).post("/api/patrols", json(Map.of("gridId", gridA))).expect(201).field("id");
    }

    /** A fresh visit of A's staff to A's household, with a finding. */
    String visitWithFinding() {
        return as(Actor.STAFF_A).post("/api/visits", json(Map.of("householdId", householdA, "kind", "ROUTINE",
                "note", "走访", "findings", List.of("楼道灯不亮")))).expect(201).field("id");
    }

    /** A fresh emergency operation over A (战时攻坚) by A's admin, nobody called out yet. */
    String openOperation() {
        return as(Actor.COMMUNITY_ADMIN_A).post("/api/operations", json(Map.of("scopeNodeId", communityA,
                "kind", "FLOOD", "title", "甲防汛" + tag, "taskGroups", List.of(Map.of("name", "巡堤组"))))).expect(201).field("id");
    }

    /** A fresh emergency operation over A (战时攻坚) by A's admin, A's unit called out to it. */
    String operation() {
        String id = openOperation();
        // fieldwork-service knows A's unit once it can be called out
        TestCommunity.onceKnown(as(Actor.COMMUNITY_ADMIN_A), "/api/operations/" + id + "/call-outs",
                json(Map.of("unitIds", List.of(unitA)))).expect(201);
        return id;
    }

    /** A department name no row used before. */
    /** A person of community A, created once by the district admin, whom the user management calls aim at. */
    synchronized String userA() {
        if (userA == null) {
            userA = as(Actor.DISTRICT_ADMIN).post("/api/users", json(newUser())).expect(201).field("username");
        }
        return userA;
    }

    /** A new person of community A for each create. */
    synchronized Map<String, Object> newUser() {
        users++;
        return Map.of("username", "matrix-" + tag + "-" + users, "name", "甲网格员", "roles", List.of("GRID_STAFF"),
                "jurisdiction", communityA);
    }

    String departmentName() {
        return "新部门" + tag + "-" + (++departments);
    }

    /** A's grid with its police officer (appointed afresh), so that the role can be vacated. */
    String gridWithPolice() {
        as(Actor.COMMUNITY_ADMIN_A).put("/api/grid/nodes/" + gridA + "/staff/POLICE", json(Map.of(
                "personId", java.util.UUID.randomUUID().toString(), "name", "周警官"))).expect(200);
        return gridA;
    }

    /** A new micro-grid of A with no households, which may be retired. */
    String emptyMicroGrid() {
        Map<String, Object> document = new java.util.LinkedHashMap<>(a.document());
        String code = "G01-E" + (++emptyMicroGrids);
        document.put("microGrids", List.of(Map.of("code", code, "grid", "G01", "name", "空置" + code)));
        document.put("households", List.of());
        as(Actor.COMMUNITY_ADMIN_A).post("/api/grid/imports?wait=60", json(document)).expect(200);
        return as(Actor.COMMUNITY_ADMIN_A).get("/api/grid/nodes?kind=MICRO_GRID&name=" + "空置" + code + "&parent=" + gridA)
                .expect(200).json().at("/items/0/id").asString();
    }

    ApiClient as(Actor actor) {
        return callers.get(actor);
    }

    /** A fresh wish of community A's resident, brought to the given state by A's staff and unit. */
    String wish(State state) {
        String wish = TestCommunity.onceKnown(as(Actor.RESIDENT), "/api/wishes", json(Map.of(
                "category", "ELDERLY_CARE", "title", wishTitle, "description", "请帮忙", "address", addressA,
                "contactPhone", residentPhone, "residentName", residentName))).expect(201).field("id");
        String path = "/api/wishes/" + wish;
        if (state.compareTo(State.DISPATCHED) >= 0) {
            as(Actor.STAFF_A).post(path + "/dispatch", json(Map.of("note", "派单"))).expect(200);
        }
        if (state.compareTo(State.CLAIMED) >= 0) {
            TestCommunity.onceKnown(as(Actor.UNIT_A), path + "/claim", null).expect(200);
        }
        if (state.compareTo(State.FULFILLED) >= 0) {
            as(Actor.UNIT_A).post(path + "/fulfil", json(Map.of("note", "已完成"))).expect(200);
        }
        if (state.compareTo(State.CLOSED) >= 0) {
            as(Actor.RESIDENT).post(path + "/close", json(Map.of("rating", 5, "comment", "满意"))).expect(200);
        }
        return wish;
    }

    /**
     * A fresh wish of A's resident that A's staff asked about: still waiting, or (answered) with the
     * resident's answer naming their phone.
     */
    String wishAwaitingAnswer(boolean answered) {
        String wish = wish(State.SUBMITTED);
        as(Actor.STAFF_A).post("/api/wishes/" + wish + "/information-request", json(Map.of("question", "请问几楼？")))
                .expect(200);
        if (answered) {
            as(Actor.RESIDENT).post("/api/wishes/" + wish + "/information",
                    json(Map.of("answer", "五楼，电话" + residentPhone))).expect(200);
        }
        return wish;
    }

    /** A submitted wish with a photo its resident added. */
    String wishWithPhoto() {
        return photoOfWish().replaceAll("/attachments/.*", "").replace("/api/wishes/", "");
    }

    /** The path of a photo the resident added to a fresh submitted wish. */
    String photoOfWish() {
        String wish = wish(State.SUBMITTED);
        return as(Actor.RESIDENT).upload("/api/wishes/" + wish + "/attachments", Upload.photo()).expect(201)
                .json().get("url").asString();
    }

    /** A fresh submitted wish whose candidates matching-service has computed (they follow its event). */
    String wishWithCandidates() {
        String wish = wish(State.SUBMITTED);
        TestCommunity.onceKnown(() -> as(Actor.STAFF_A).get("/api/matching/wishes/" + wish + "/candidates")).expect(200);
        return wish;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static TokenRequest admin(String role, String jurisdiction) {
        return TokenRequest.of("matrix-" + role.toLowerCase() + "-" + jurisdiction, role).withJurisdiction(jurisdiction);
    }

    /** An in-service party member living in the community's first grid, with a phone only the right people see. */
    private static String member(TestCommunity community, String name, String phone) {
        return TestCommunity.onceKnown(community.admin(), "/api/members", json(Map.of("name", name,
                "kind", "IN_SERVICE", "communityId", community.id(), "gridId", community.grids().get(0).id(),
                "phone", phone))).expect(201).field("id");
    }
}
