package org.gridgov.local.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fieldwork-service's demo data: the district's functional departments (区城市管理指挥中心, 区住建委, 太平街派出所)
 * and cases found in 太平街社区's micro-grids in every state of their life — reported, filed, declined,
 * referred to the municipal centre (吹哨) and waiting for it to report in, acknowledged (报到), handled, closed,
 * one closed after a failed verification (rework) and one the community solved itself; a week of the grid
 * staff's visits to households (their work log), today's patrol with a finding reported as a case, households
 * in 四个一 care, and the flood season's emergency operation (战时攻坚) with its call-outs, reports and hours.
 */
final class FieldworkDemo implements DemoStep {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** How far each demo case goes. */
    enum Stage { REPORTED, FILED, DECLINED, REFERRED, ACKNOWLEDGED, HANDLED, CLOSED, REWORKED_AND_CLOSED, SOLVED_BY_COMMUNITY }

    private record DemoCase(String description, String category, String severity, int households, int shops, Stage stage) {
    }

    private static final List<DemoCase> CASES = List.of(
            new DemoCase("朝华新城商户变压器损坏，居民288户、商户50户停电", "REPAIRS", "URGENT", 288, 50, Stage.REWORKED_AND_CLOSED),
            new DemoCase("太平街12号楼下污水管道破裂外溢", "REPAIRS", "URGENT", 60, 2, Stage.CLOSED),
            new DemoCase("背街小巷三盏路灯不亮", "REPAIRS", "ROUTINE", 40, 0, Stage.HANDLED),
            new DemoCase("农贸市场门口垃圾堆放未清运", "ENVIRONMENT", "ROUTINE", 120, 15, Stage.ACKNOWLEDGED),
            new DemoCase("人行道井盖缺失", "SAFETY", "URGENT", 80, 4, Stage.REFERRED),
            new DemoCase("楼道堆放杂物堵塞消防通道", "SAFETY", "ROUTINE", 24, 0, Stage.SOLVED_BY_COMMUNITY),
            new DemoCase("小区围墙外占道经营", "ENVIRONMENT", "ROUTINE", 30, 6, Stage.FILED),
            new DemoCase("邻里因空调外机噪音争执", "OTHER", "ROUTINE", 2, 0, Stage.DECLINED),
            new DemoCase("单元门禁损坏", "REPAIRS", "ROUTINE", 18, 0, Stage.REPORTED));

    @Override
    public String name() {
        return "fieldwork";
    }

    @Override
    public void run(DemoContext context) throws IOException, InterruptedException {
        String municipal = department(context, "区城市管理指挥中心", List.of("REPAIRS", "ENVIRONMENT", "SAFETY"));
        department(context, "区住建委", List.of("REPAIRS"));
        department(context, "太平街派出所", List.of("SAFETY"));

        List<String> microGrids = new ArrayList<>();
        for (JsonNode node : context.get(Persona.COMMUNITY_ADMIN, "/api/grid/nodes?kind=MICRO_GRID&parent="
                + Persona.Ids.GRID_1 + "&limit=50").path("items")) {
            microGrids.add(node.path("id").asString());
        }
        if (microGrids.isEmpty()) {
            throw new IllegalStateException("太平街社区's first grid has no micro-grids to place cases in");
        }
        Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
        for (int i = 0; i < CASES.size(); i++) {
            DemoCase demo = CASES.get(i);
            String microGrid = microGrids.get(i % microGrids.size());
            String id = context.postOnceKnown(Persona.GRID_STAFF, "/api/cases", json(Map.of("microGridId", microGrid,
                    "category", demo.category(), "description", demo.description(), "householdsAffected", demo.households(),
                    "shopsAffected", demo.shops(), "severity", demo.severity())), "case:" + i).path("id").asString();
            advance(context, id, "case:" + i, demo.stage(), municipal);
            counts.merge(demo.stage(), 1, Integer::sum);
        }
        int visits = visits(context);
        patrol(context, microGrids.get(0));
        patrolPlan(context);
        int cared = care(context);
        String operation = floodOperation(context);
        context.out().println("Fieldwork demo: 3 departments, " + CASES.size() + " cases in 太平街社区 " + counts
                + " (one waiting for 区城市管理指挥中心 to report in), " + visits + " visits over the past week, a patrol today, "
                + "grid 1's patrol plan (every 2 days, one patrol missed), "
                + cared + " households in 四个一 care, the flood-season operation " + operation + " closed with its hours credited");
    }

    private static final List<String> VISIT_NOTES = List.of("走访了解用水用电情况", "看望独居老人，询问身体状况",
            "回访上周反映的楼道照明问题", "宣传垃圾分类，听取意见");

    private static List<String> households(DemoContext context) throws IOException, InterruptedException {
        List<String> households = new ArrayList<>();
        for (JsonNode household : context.get(Persona.GRID_STAFF, "/api/grid/nodes/" + Persona.Ids.GRID_1
                + "/households?limit=50").path("items")) {
            households.add(household.path("id").asString());
        }
        return households;
    }

    private record DemoCare(List<String> groups, boolean visitedThisWeek, String deed, String wish) {
    }

    private static final List<DemoCare> CARE = List.of(
            new DemoCare(List.of("ELDERLY_ALONE"), true, "帮助更换厨房水龙头", "想去一次城市规划馆"),
            new DemoCare(List.of("DISABLED", "HARDSHIP"), true, "代办残疾人补贴年审", null),
            new DemoCare(List.of("LEFT_BEHIND_CHILD"), false, null, null));

    /**
     * Three of grid 1's households in 四个一 care with the grid staff as carer: today's care contact for each, this
     * week's home visit for two (the third shows as a gap), a deed and a wish for some (the wish ordered as a micro-wish on the grid's dispatch board).
     */
    private static int care(DemoContext context) throws IOException, InterruptedException {
        List<String> households = households(context);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        // a household is put in care once: a later launch finds it among those the staff cares for
        Map<String, String> inCare = new java.util.HashMap<>();
        for (JsonNode recipient : context.get(Persona.GRID_STAFF, "/api/care-recipients?limit=200")) {
            inCare.put(recipient.path("householdId").asString(), recipient.path("id").asString());
        }
        int cared = 0;
        for (int i = 0; i < CARE.size() && i < households.size(); i++) {
            DemoCare demo = CARE.get(i);
            String household = households.get(households.size() - 1 - i);
            String id = inCare.containsKey(household) ? inCare.get(household)
                    : context.postOnceKnown(Persona.GRID_STAFF, "/api/care-recipients", json(Map.of(
                    "householdId", household, "groups", demo.groups(), "carers", List.of("demo-grid-staff"))),
                    "care:" + i).path("id").asString();
            String path = "/api/care-recipients/" + id + "/contacts";
            contact(context, path, "DAILY_CARE", "电话问候，身体状况良好", "care:" + i + ":" + today);
            if (demo.visitedThisWeek()) {
                contact(context, path, "HOME_VISIT", "入户看望，帮忙打扫卫生", "care:" + i + ":visit:" + today);
            }
            if (demo.deed() != null) {
                contact(context, path, "MONTHLY_DEED", demo.deed(), "care:" + i + ":deed:" + today.withDayOfMonth(1));
            }
            if (demo.wish() != null) {
                // the year's wish is ordered as a micro-wish on grid 1's dispatch board (四个一 · 每年一个心愿)
                DemoContext.succeeded(context.post(Persona.GRID_STAFF, path, json(Map.of("kind", "YEARLY_WISH",
                        "note", "老人说" + demo.wish() + "，腿脚不便需要有人陪同",
                        "wish", Map.of("category", "CULTURE", "title", demo.wish()))), "care:" + i + ":wish:" + today.getYear()));
            }
            cared++;
        }
        return cared;
    }

    /**
     * The flood season's emergency operation (战时攻坚) over 太平街社区, run and closed: two task groups, eight in-service
     * party members who reported in (双报到) and the units offering SAFETY called out, most of them arrived (one
     * unavailable), tasks for the groups; closing credits the arrived members' hours in member-service.
     */
    private static String floodOperation(DemoContext context) throws IOException, InterruptedException {
        String item = "operation:flood-season";
        JsonNode operation = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/operations", json(Map.of(
                "scopeNodeId", Persona.Ids.COMMUNITY, "kind", "FLOOD", "title", "主汛期防汛（长江涪陵段超警戒水位）",
                "taskGroups", List.of(Map.of("name", "巡堤查险组"), Map.of("name", "群众转移组")))), item);
        String id = operation.path("id").asString();
        String path = "/api/operations/" + id;
        JsonNode members = context.postOnceKnown(Persona.COMMUNITY_ADMIN, path + "/call-outs", json(Map.of(
                "groupName", "巡堤查险组", "count", 8)), item + ":members");
        JsonNode units = context.postOnceKnown(Persona.COMMUNITY_ADMIN, path + "/call-outs", json(Map.of(
                "groupName", "群众转移组", "categories", List.of("SAFETY"), "count", 4)), item + ":units");
        post(context, Persona.COMMUNITY_ADMIN, path + "/tasks", Map.of("groupName", "巡堤查险组",
                "text", "沿江堤段每两小时巡查一次，发现管涌立即上报"), item + ":task:1");
        post(context, Persona.COMMUNITY_ADMIN, path + "/tasks", Map.of("groupName", "群众转移组",
                "text", "协助低洼地带居民转移至太平街小学安置点"), item + ":task:2");
        int n = 0;
        for (JsonNode member : members.path("memberIds")) {
            String status = n++ == 0 ? "UNAVAILABLE" : "ARRIVED";
            context.postAsMember(member.asString(), path + "/reports", json(Map.of("status", status)),
                    item + ":report:" + member.asString());
        }
        for (JsonNode unit : units.path("unitIds")) {
            DemoContext.succeeded(context.postAsUnit(unit.asString(), path + "/reports", json(Map.of("status", "ARRIVED")),
                    item + ":report:" + unit.asString()));
        }
        post(context, Persona.COMMUNITY_ADMIN, path + "/close", Map.of(), item + ":close");
        return operation.path("title").asString();
    }

    private static void contact(DemoContext context, String path, String kind, String note, String item)
            throws IOException, InterruptedException {
        DemoContext.succeeded(context.post(Persona.GRID_STAFF, path, json(Map.of("kind", kind, "note", note)), item));
    }

    /** A week of the grid staff's visits to grid 1's households, three a day, logged in their work log. */
    private static int visits(DemoContext context) throws IOException, InterruptedException {
        List<String> households = households(context);
        // before today began (UTC), so that a launch later the same day sends the very same visits again
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.time.Instant now = today.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        int visits = 0;
        for (int day = 6; day >= 0 && !households.isEmpty(); day--) {
            for (int i = 0; i < 3; i++) {
                int n = visits;
                String kind = n % 5 == 1 ? "CARE" : n % 5 == 3 ? "FOLLOW_UP" : "ROUTINE";
                java.time.Instant at = now.minus(java.time.Duration.ofDays(day)).minus(java.time.Duration.ofHours(1 + 2L * i));
                context.postOnceKnown(Persona.GRID_STAFF, "/api/visits", json(Map.of("householdId",
                        households.get(n % households.size()), "kind", kind, "note", VISIT_NOTES.get(n % VISIT_NOTES.size()),
                        "findings", n % 4 == 0 ? List.of("楼道灯不亮") : List.of(), "visitedAt", at.toString())), "visit:" + today + ":" + n);
                visits++;
            }
        }
        return visits;
    }

    /** Today's patrol of grid 1: three places checked in, a finding reported as a case, ended. */
    private static void patrol(DemoContext context, String microGrid) throws IOException, InterruptedException {
        String patrol = context.postOnceKnown(Persona.GRID_STAFF, "/api/patrols",
                json(Map.of("gridId", Persona.Ids.GRID_1)), "patrol:" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)).path("id").asString();
        JsonNode seen = context.get(Persona.GRID_STAFF, "/api/patrols/" + patrol);
        if (!"IN_PROGRESS".equals(seen.path("status").asString())) {
            return;
        }
        for (String place : List.of("太平街北口", "农贸市场", "太平街小学门口")) {
            DemoContext.succeeded(context.post(Persona.GRID_STAFF, "/api/patrols/" + patrol + "/check-ins",
                    json(Map.of("place", place)), "patrol:" + patrol + ":" + place));
        }
        DemoContext.succeeded(context.post(Persona.GRID_STAFF, "/api/patrols/" + patrol + "/findings", json(Map.of(
                "description", "小学门口护栏松动", "microGridId", microGrid, "category", "SAFETY", "severity", "URGENT")),
                "patrol:" + patrol + ":finding"));
        DemoContext.succeeded(context.post(Persona.GRID_STAFF, "/api/patrols/" + patrol + "/end", "{}", "patrol:" + patrol + ":end"));
    }

    /**
     * Grid 1's patrol plan (巡查计划): four places every two days, in force since three days ago (UTC midnight) — the
     * patrol due yesterday was missed (fieldwork-service records it at its next poll), the next is due tomorrow.
     */
    private static void patrolPlan(DemoContext context) throws IOException, InterruptedException {
        java.time.Instant from = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        DemoContext.succeeded(context.put(Persona.GRID_STAFF, "/api/patrol-plans/" + Persona.Ids.GRID_1, json(Map.of(
                "places", List.of("太平街北口", "农贸市场", "太平街小学门口", "朝华新城东门"), "everyDays", 2,
                "from", from.toString())), "patrol-plan:" + from));
    }

    private static void advance(DemoContext context, String id, String item, Stage stage, String municipal)
            throws IOException, InterruptedException {
        String path = "/api/cases/" + id;
        if (stage == Stage.REPORTED) {
            return;
        }
        if (stage == Stage.DECLINED) {
            post(context, path + "/decline", Map.of("reason", "属于邻里民事纠纷，转人民调解"), item + ":decline");
            return;
        }
        post(context, path + "/filing", Map.of(), item + ":filing");
        if (stage == Stage.FILED) {
            return;
        }
        if (stage == Stage.SOLVED_BY_COMMUNITY) {
            post(context, path + "/handling-report", Map.of("note", "网格员组织物业当天清理"), item + ":handled");
            post(context, path + "/verification", Map.of("passed", true, "note", "已复查"), item + ":verified");
            return;
        }
        post(context, path + "/referral", Map.of("departmentId", municipal), item + ":referral");
        if (stage == Stage.REFERRED) {
            return;
        }
        context.postAsDepartment(municipal, path + "/acknowledgement", "{}", item + ":acknowledgement");
        if (stage == Stage.ACKNOWLEDGED) {
            return;
        }
        context.postAsDepartment(municipal, path + "/handling-report", json(Map.of("note", "已派员处置")), item + ":handled");
        if (stage == Stage.HANDLED) {
            return;
        }
        if (stage == Stage.REWORKED_AND_CLOSED) {
            post(context, path + "/verification", Map.of("passed", false, "note", "仍有商户未恢复供电"), item + ":failed");
            context.postAsDepartment(municipal, path + "/handling-report", json(Map.of("note", "更换线路，全部恢复供电")),
                    item + ":reworked");
        }
        post(context, path + "/verification", Map.of("passed", true, "note", "现场核查通过"), item + ":verified");
    }

    private static void post(DemoContext context, String path, Map<String, Object> body, String item)
            throws IOException, InterruptedException {
        post(context, Persona.GRID_STAFF, path, body, item);
    }

    private static void post(DemoContext context, Persona as, String path, Map<String, Object> body, String item)
            throws IOException, InterruptedException {
        DemoContext.succeeded(context.post(as, path, json(body), item));
    }

    /** The department of that name, registered by the district unless it is already. */
    private static String department(DemoContext context, String name, List<String> categories)
            throws IOException, InterruptedException {
        for (JsonNode department : context.get(Persona.DISTRICT_ADMIN, "/api/departments")) {
            if (name.equals(department.path("name").asString())) {
                return department.path("id").asString();
            }
        }
        return DemoContext.succeeded(context.post(Persona.DISTRICT_ADMIN, "/api/departments",
                json(Map.of("name", name, "categories", categories)), "department:" + name)).path("id").asString();
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
