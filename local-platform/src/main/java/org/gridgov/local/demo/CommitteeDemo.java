package org.gridgov.local.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * committee-service's demo data, 太平街社区's year of the Grand Party Committee (大党委): this year's project
 * list computed from the published needs and the units' resource lists and published, most offered
 * projects signed (项目认领书), some progressing, one with a milestone ten days late under supervision (督办),
 * last quarter's reviews (项目评议); and last year's projects delivered and reviewed, with last year's
 * assessment (年底考核) computed; this quarter's red/black list announced (红黑榜通报) and this year's assessment so
 * far, which counts the units' projects, the wishes they served and their places on that list. Runs after the
 * member units, the wishes and the needs.
 */
final class CommitteeDemo implements DemoStep {

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Where 太平街社区 is: its year starts at midnight there (as the units' resource lists do). */
    private static final ZoneId COMMUNITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MATCHING_ATTEMPTS = 30;
    /** Found on the autumn visits, after this year's list was published: next year's list takes them. */
    private static final String[][] AUTUMN_NEEDS = {
            {"ELDERLY_CARE", "老旧小区加装电梯意愿征集后需协调", "HIGH"}, {"SAFETY", "冬季取暖用电安全隐患排查", "URGENT"},
            {"HEALTH", "高龄老人冬季流感疫苗接种", "NORMAL"}};
    private static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "GOOD", "FAIR");
    private static final List<String[]> LAST_YEAR = List.of(
            new String[] {"老旧小区加装扶手", "ELDERLY_CARE"}, new String[] {"背街小巷路灯改造", "SAFETY"},
            new String[] {"社区四点半课堂", "CHILD_CARE"}, new String[] {"农贸市场环境整治", "ENVIRONMENT"});

    @Override
    public String name() {
        return "committee";
    }

    @Override
    public void run(DemoContext context) throws IOException, InterruptedException {
        String community = Persona.Ids.COMMUNITY;
        int year = LocalDate.now(COMMUNITY_ZONE).getYear();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        String list = computeList(context, community, year);
        JsonNode publication = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/projects/publications",
                json(Map.of("projectListId", list)), "publication:" + list);
        List<JsonNode> offered = new ArrayList<>();
        for (JsonNode project : context.get(Persona.COMMUNITY_ADMIN, "/api/projects?community=" + community + "&year=" + year)) {
            if (list.equals(project.path("projectListId").asString()) && !project.path("unitId").isNull()
                    && !project.path("unitId").isMissingNode()) {
                offered.add(project);
            }
        }
        Set<String> units = new LinkedHashSet<>();
        units.add(Persona.Ids.UNIT_1);
        offered.forEach(project -> units.add(project.path("unitId").asString()));

        String quarter = lastQuarter(today);
        int signed = 0;
        int progressing = 0;
        // most are signed: every fifth offered project is left for its unit to decide
        for (int i = 0; i < offered.size(); i++) {
            if (i % 5 == 4) {
                continue;
            }
            JsonNode project = offered.get(i);
            String id = project.path("id").asString();
            String unit = project.path("unitId").asString();
            sign(context, id, unit, today.plusDays(30), today.plusDays(120));
            signed++;
            if (i % 2 == 0) {
                progress(context, id, unit, 40);
                progressing++;
            }
            review(context, id, quarter, GRADES.get(i % GRADES.size()));
        }

        List<String> unitList = new ArrayList<>(units);
        String late = lateProject(context, community, today, unitList.get(0));
        int lastYearDone = lastYear(context, community, year - 1, today, unitList);
        JsonNode assessment = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/assessments",
                json(Map.of("communityId", community, "year", year - 1)), "assessment:" + (year - 1));
        // 红黑榜通报: this quarter's list as it stands, counted by this year's assessment so far
        String thisQuarter = today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
        JsonNode announced = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/units/red-black-list/announcements",
                json(Map.of("communityId", community, "quarter", thisQuarter)), "red-black-list:" + thisQuarter);
        int placed = announced.path("list").path("red").size() + announced.path("list").path("black").size();
        JsonNode soFar = assessedWithPlacements(context, community, today.getYear(), placed);
        // next year's list, computed early as communities do: the needs found since this year's list was
        // published (the autumn visits) wait for it
        int autumnNeeds = recordAutumnNeeds(context);
        JsonNode nextYear = context.get(Persona.COMMUNITY_ADMIN, "/api/matching/project-lists/"
                + computeList(context, community, year + 1));
        context.out().println("Committee demo: project list " + (year + 1) + " computed from " + autumnNeeds
                + " needs found since this year's list (" + nextYear.path("assignments").size() + " projects, "
                + nextYear.path("unmatched").size() + " needs still unmatched).");
        context.out().println("Committee demo: project list " + year + " published (" + publication.path("offered").asInt()
                + " offered, " + publication.path("opened").asInt() + " on the opportunity list), " + signed + " signed, "
                + progressing + " progressing, " + quarter + " reviews, a late milestone under supervision (project "
                + late + "); " + lastYearDone + " projects of " + (year - 1) + " delivered and the " + (year - 1)
                + " assessment computed (version " + assessment.path("version").asInt() + ", rule "
                + assessment.path("rule").asString() + "); " + thisQuarter + "'s red/black list announced ("
                + announced.path("list").path("red").size() + " red, " + announced.path("list").path("black").size()
                + " black) and the " + today.getYear() + " assessment so far computed (version "
                + soFar.path("version").asInt() + ").");
    }

    /**
     * This year's assessment so far, computed again (a new version each time a figure changed) until committee-service
     * has heard of the announced list's {@code placed} red and black placements and of the wishes the units served
     * (the wish demo's), or it gives up and keeps what it has.
     */
    private static JsonNode assessedWithPlacements(DemoContext context, String community, int year, int placed)
            throws IOException, InterruptedException {
        JsonNode assessment = null;
        for (int attempt = 1; attempt <= MATCHING_ATTEMPTS; attempt++) {
            assessment = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/assessments",
                    json(Map.of("communityId", community, "year", year)), "assessment:" + year + ":" + attempt);
            int counted = 0;
            int wishes = 0;
            for (JsonNode unit : assessment.path("units")) {
                counted += unit.path("figures").path("redBlackList").size();
                wishes += unit.path("figures").path("wishes").path("claimed").asInt();
            }
            if (!assessment.isObject() || counted >= placed && wishes > 0) {
                break;
            }
            Thread.sleep(1000);
        }
        return assessment;
    }

    /**
     * Computes the community's list once matching-service has heard of the published needs and the
     * units' resource lists (they arrive as events a moment after the steps before): until a version
     * assigns something, or it gives up and publishes what it has.
     */
    private static String computeList(DemoContext context, String community, int year)
            throws IOException, InterruptedException {
        JsonNode list = null;
        for (int attempt = 1; attempt <= MATCHING_ATTEMPTS; attempt++) {
            list = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/matching/project-lists",
                    json(Map.of("communityId", community, "year", year)), "project-list:" + year + ":" + attempt);
            // (an answer that is no list at all will not become one by asking again)
            if (!list.isObject() || list.path("assignments").size() > 0) {
                break;
            }
            Thread.sleep(2000);
        }
        return list.path("id").asString();
    }

    /** Needs grid 1's staff found on their autumn visits, published after this year's list took the earlier ones. */
    private static int recordAutumnNeeds(DemoContext context) throws IOException, InterruptedException {
        for (int i = 0; i < AUTUMN_NEEDS.length; i++) {
            String[] need = AUTUMN_NEEDS[i];
            context.postOnceKnown(Persona.GRID_STAFF, "/api/needs", json(Map.of("gridId", Persona.Ids.GRID_1,
                    "category", need[0], "title", need[1], "householdsAffected", 40 + 25 * i, "priority", need[2],
                    "foundBy", "WALK", "publish", true)), "need:autumn:" + i);
        }
        return AUTUMN_NEEDS.length;
    }

    private static void sign(DemoContext context, String project, String unit, LocalDate first, LocalDate second)
            throws IOException, InterruptedException {
        context.postAsUnitOnceKnown(unit, "/api/projects/" + project + "/agreement", json(Map.of(
                "signatory", "李书记", "commitments", "按认领书约定的节点推进，每季度向大党委报告进展",
                "milestones", List.of(Map.of("title", "方案制定", "dueDate", first.toString()),
                        Map.of("title", "完成交付", "dueDate", second.toString())))), "sign:" + project);
    }

    private static void progress(DemoContext context, String project, String unit, int percent)
            throws IOException, InterruptedException {
        context.postAsUnitOnceKnown(unit, "/api/projects/" + project + "/progress", json(Map.of(
                "milestone", "方案制定", "note", "方案已制定，正在组织实施", "percent", percent)), "progress:" + project);
    }

    private static void review(DemoContext context, String project, String quarter, String grade)
            throws IOException, InterruptedException {
        DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/projects/" + project + "/reviews",
                json(Map.of("quarter", quarter, "grade", grade, "comment", "联席会议评议")), "review:" + project + ":" + quarter));
    }

    /** A project whose first milestone passed ten days ago unreached: the unit is reminded, the admins told. */
    private static String lateProject(DemoContext context, String community, LocalDate today, String unit)
            throws IOException, InterruptedException {
        LocalDate due = today.minusDays(10);
        String project = handMade(context, community, due.getYear(), "楼道声控灯更换", "SAFETY");
        // the unit may already hold its two offered projects: the admins give it room for a third
        context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/projects/quotas", json(Map.of("communityId", community,
                "unitId", unit, "year", due.getYear(), "quota", 3)), "quota:" + unit + ":" + due.getYear());
        claim(context, project, unit);
        sign(context, project, unit, due, due.plusDays(60));
        return project;
    }

    /** Last year's projects, claimed, signed, delivered and reviewed at the year's last joint meeting. */
    private static int lastYear(DemoContext context, String community, int lastYear, LocalDate today, List<String> units)
            throws IOException, InterruptedException {
        LocalDate due = today.plusDays(20).getYear() > lastYear + 1 ? LocalDate.of(lastYear + 1, 12, 31) : today.plusDays(20);
        int done = 0;
        for (int i = 0; i < LAST_YEAR.size() && i < units.size(); i++) {
            String unit = units.get((i + 1) % units.size());
            String project = handMade(context, community, lastYear, LAST_YEAR.get(i)[0], LAST_YEAR.get(i)[1]);
            claim(context, project, unit);
            sign(context, project, unit, due, due);
            context.postAsUnitOnceKnown(unit, "/api/projects/" + project + "/progress", json(Map.of(
                    "milestone", "方案制定", "note", "方案已落实", "percent", 60)), "progress:" + project);
            context.postAsUnitOnceKnown(unit, "/api/projects/" + project + "/progress", json(Map.of(
                    "milestone", "完成交付", "note", "已完成交付，居民验收", "percent", 100)), "delivered:" + project);
            context.postAsUnitOnceKnown(unit, "/api/projects/" + project + "/completion", "{}", "completion:" + project);
            review(context, project, lastYear + "Q4", GRADES.get(i % GRADES.size()));
            done++;
        }
        return done;
    }

    private static String handMade(DemoContext context, String community, int year, String title, String category)
            throws IOException, InterruptedException {
        return context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/projects", json(Map.of("communityId", community,
                "year", year, "title", title, "category", category,
                "description", "大党委民生实事项目")), "project:" + year + ":" + title).path("id").asString();
    }

    private static void claim(DemoContext context, String project, String unit) throws IOException, InterruptedException {
        context.postAsUnitOnceKnown(unit, "/api/projects/" + project + "/claim", "{}", "claim:" + project);
    }

    private static String lastQuarter(LocalDate today) {
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        return quarter == 1 ? (today.getYear() - 1) + "Q4" : today.getYear() + "Q" + (quarter - 1);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
