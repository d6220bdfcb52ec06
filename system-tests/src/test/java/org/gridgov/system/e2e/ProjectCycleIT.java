package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.gridgov.system.platform.Wishes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grand Party Committee's year through the gateway, on the whole platform: needs and the units'
 * resources make a project list, which is published; units race for an open project (揭榜) and exactly
 * one wins; an offered project is declined and claimed by another unit; both are signed (项目认领书),
 * delivered and reviewed (项目评议), one after a milestone missed, reminded and escalated (督办, the
 * platform's short supervision settings); a unit serves a resident's wish; member-service's red/black list,
 * announced for the quarter, and the year-end assessment (rule A3: projects, wishes, red/black list) then tell
 * each unit's story, with their reasons.
 */
class ProjectCycleIT {

    private static final Duration EVENTS = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.shared();

    private static SystemPlatform platform;

    @BeforeAll
    static void platform() {
        platform = SystemPlatform.shared();
    }

    @Test
    void a_project_list_becomes_signed_supervised_reviewed_projects_that_the_red_black_list_and_assessment_reflect()
            throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int year = today.getYear();
        String quarter = year + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
        TestCommunity community = TestCommunity.create(platform, 1, 2);
        TestCommunity.Grid grid = community.grids().get(0);
        ApiClient admin = community.admin();
        List<String> units = List.of(community.joinUnit("项目测试单位甲", "REPAIRS"),
                community.joinUnit("项目测试单位乙", "EDUCATION"), community.joinUnit("项目测试单位丙", "ELDERLY_CARE"));
        for (String unit : units) {
            // room for every project of the test, so that a refused claim is the race's doing, not the quota's
            TestCommunity.onceKnown(admin, "/api/projects/quotas", json(Map.of("communityId", community.id(),
                    "unitId", unit, "year", year, "quota", 5))).expect(200);
        }
        // four needs for three units taking one project each: at least one is left over for the opportunity list
        for (String[] need : List.of(new String[] {"REPAIRS", "楼道扶手损坏"}, new String[] {"EDUCATION", "四点半课堂"},
                new String[] {"ELDERLY_CARE", "独居老人探访"}, new String[] {"CULTURE", "社区文化墙"})) {
            community.staff(grid).post("/api/needs", json(Map.of("gridId", grid.id(), "category", need[0], "title", need[1],
                    "householdsAffected", 20, "priority", "HIGH", "foundBy", "WALK", "publish", true))).expect(201);
        }

        // computed (once matching has heard of the needs and resources) and published; published again: nothing new
        JsonNode list = Convergence.eventually(EVENTS, () -> admin.post("/api/matching/project-lists",
                        json(Map.of("communityId", community.id(), "year", year, "maxProjectsPerUnit", 1))).expect(201).json(),
                computed -> computed.path("assignments").size() >= 2 && computed.path("unmatched").size() >= 1);
        assertThat(list.path("assignments").size()).as("needs assigned to units in " + list).isGreaterThanOrEqualTo(2);
        assertThat(list.path("unmatched").size()).as("needs left over in " + list).isGreaterThanOrEqualTo(1);
        String listId = list.path("id").asString();
        JsonNode publication = Convergence.eventually(EVENTS, () -> admin.post("/api/projects/publications",
                json(Map.of("projectListId", listId))), reply -> reply.status() == 201).expect(201).json();
        assertThat(publication.path("offered").asInt()).isEqualTo(list.path("assignments").size());
        assertThat(publication.path("opened").asInt()).isEqualTo(list.path("unmatched").size());
        admin.post("/api/projects/publications", json(Map.of("projectListId", listId))).expect(200);
        JsonNode projects = admin.get("/api/projects?community=" + community.id() + "&year=" + year).expect(200).json();
        assertThat(projects).hasSize(publication.path("offered").asInt() + publication.path("opened").asInt());

        // 揭榜: every unit claims the open project at once, exactly one wins
        String open = admin.get("/api/projects/opportunities?community=" + community.id() + "&year=" + year).expect(200)
                .json().get(0).path("id").asString();
        Map<String, Integer> claims = race(units, unit -> community.unit(unit).withOwnConnections()
                .post("/api/projects/" + open + "/claim", null).status());
        assertThat(claims.values()).containsOnly(200, 409);
        List<String> winners = claims.entrySet().stream().filter(claim -> claim.getValue() == 200).map(Map.Entry::getKey).toList();
        assertThat(winners).hasSize(1);
        String winner = winners.get(0);

        // an offered project declined goes back on the opportunity list, where another unit claims it
        JsonNode offered = null;
        for (JsonNode project : projects) {
            if (project.path("status").asString().equals("OFFERED")) {
                offered = project;
            }
        }
        assertThat(offered).as("an OFFERED project").isNotNull();
        String declinedProject = offered.path("id").asString();
        String decliner = offered.path("unitId").asString();
        community.unit(decliner).post("/api/projects/" + declinedProject + "/decline", json(Map.of("reason", "本年度人手不足")))
                .expect(200);
        String reclaimer = units.stream().filter(unit -> !unit.equals(decliner) && !unit.equals(winner)).findFirst()
                .orElseThrow();
        community.unit(reclaimer).post("/api/projects/" + declinedProject + "/claim", null).expect(200);

        // signed: the winner's first milestone is already ten days past (within the year), the other's ahead
        LocalDate pastDue = today.minusDays(10).getYear() == year ? today.minusDays(10) : LocalDate.of(year, 1, 1);
        String agreementKey = UUID.randomUUID().toString();
        String signing = json(agreement(pastDue, today.plusDays(60)));
        String number = community.unit(winner).post("/api/projects/" + open + "/agreement", signing, agreementKey)
                .expect(201).field("number");
        ApiResponse replay = community.unit(winner).post("/api/projects/" + open + "/agreement", signing, agreementKey)
                .expect(201);
        assertThat(replay.field("number")).as("a retried signing signs once").isEqualTo(number);
        community.unit(reclaimer).post("/api/projects/" + declinedProject + "/agreement",
                json(agreement(today.plusDays(30), today.plusDays(90)))).expect(201);
        // the agreement printable through the gateway (its content is read back in committee-service's AgreementPdfIT)
        ApiResponse printed = community.unit(winner).withHeader("Accept", "application/pdf")
                .get("/api/projects/" + open + "/agreement").expect(200);
        assertThat(printed.contentType()).startsWith("application/pdf");
        assertThat(printed.body()).startsWith("%PDF-");

        // 督办: the late milestone is reminded to the unit, then escalated to the admins
        JsonNode late = Convergence.eventually(EVENTS, () -> admin.get("/api/projects/supervision?community="
                + community.id()).expect(200).json(), found -> found.size() == 1 && !found.get(0).path("escalatedAt").isNull()
                && !found.get(0).path("escalatedAt").isMissingNode());
        assertThat(late.get(0).path("projectId").asString()).isEqualTo(open);
        assertThat(late.get(0).path("remindedAt").asString()).isNotBlank();

        // delivered: the other's first milestone on time; the winner's late one reached, its project completed
        community.unit(reclaimer).post("/api/projects/" + declinedProject + "/progress", json(Map.of("milestone", "方案制定",
                "note", "方案已制定", "percent", 40))).expect(200);
        community.unit(winner).post("/api/projects/" + open + "/progress", json(Map.of("milestone", "方案制定",
                "note", "补上了方案", "percent", 100))).expect(200);
        assertThat(admin.get("/api/projects/supervision?community=" + community.id()).expect(200).json())
                .as("a reached milestone is no longer late").isEmpty();
        community.unit(winner).post("/api/projects/" + open + "/completion", null).expect(200);
        admin.post("/api/projects/" + open + "/reviews", json(Map.of("quarter", quarter, "grade", "FAIR"))).expect(201)
                .json();
        assertThat(admin.get("/api/projects/" + open).expect(200).field("status")).isEqualTo("REVIEWED_FINAL");
        admin.post("/api/projects/" + declinedProject + "/reviews", json(Map.of("quarter", quarter, "grade", "GOOD")))
                .expect(201);

        // the re-claimer also serves a resident's wish: claimed, fulfilled (no date wanted: on time), rated 5
        Wishes wishes = new Wishes(community);
        String wish = wishes.order("project-cycle-resident", grid.addresses().get(0), "REPAIRS");
        wishes.dispatch(grid, wish, List.of(reclaimer)).expect(200);
        wishes.claimAsUnit(reclaimer, wish).expect(200);
        wishes.fulfil(community.unit(reclaimer), wish, List.of()).expect(200);
        wishes.close("project-cycle-resident", wish, 5).expect(200);

        // the red/black list: the escalation puts the winner on the black list, clean delivery the re-claimer on the red
        JsonNode board = Convergence.eventually(EVENTS, () -> admin.get("/api/units/red-black-list?community="
                        + community.id() + "&quarter=" + quarter).expect(200).json(),
                found -> entry(found, winner) != null && entry(found, winner).path("rule").path("code").asString().equals("B4")
                        && entry(found, reclaimer).path("figures").path("projects").path("goodReviews").asInt() == 1
                        && entry(found, reclaimer).path("figures").path("closed").asInt() == 1);
        assertThat(entry(board, winner).path("rule").path("list").asString()).isEqualTo("BLACK");
        assertThat(entry(board, winner).path("rule").path("text").asString()).contains("escalated");
        assertThat(entry(board, winner).path("figures").path("projects").path("escalations").asInt()).isEqualTo(1);
        assertThat(entry(board, reclaimer).path("rule").path("code").asString()).isEqualTo("R2");
        assertThat(entry(board, reclaimer).path("rule").path("list").asString()).isEqualTo("RED");
        if (!decliner.equals(winner)) {
            assertThat(entry(board, decliner).path("figures").path("projects").path("declined").asInt()).isEqualTo(1);
            assertThat(entry(board, decliner).path("rule").path("list").asString()).isNotEqualTo("RED");
        }

        // the quarter's list announced (通报): each unit's placement and rule go to the year-end assessment
        JsonNode announced = admin.post("/api/units/red-black-list/announcements", json(Map.of("communityId", community.id(),
                "quarter", quarter))).expect(201).json();
        assertThat(entry(announced.path("list"), winner).path("rule").path("code").asString()).isEqualTo("B4");
        assertThat(entry(announced.path("list"), reclaimer).path("figures").path("closed").asInt()).isEqualTo(1);

        // the year-end assessment (rule A3): each unit's score from its projects, wishes and red/black list, and why
        String assess = json(Map.of("communityId", community.id(), "year", year));
        JsonNode assessment = Convergence.eventually(EVENTS, () -> admin.post("/api/assessments", assess).expect(200, 201)
                .json(), computed -> row(computed, winner).path("figures").path("redBlackList").size() == 1
                && row(computed, reclaimer).path("figures").path("wishes").path("ratings").asInt() == 1);
        assertThat(assessment.path("rule").asString()).isEqualTo("A3");
        JsonNode winnerRow = row(assessment, winner);
        assertThat(winnerRow.path("figures").path("escalations").asInt()).isEqualTo(1);
        assertThat(winnerRow.path("figures").path("completed").asInt()).isEqualTo(1);
        assertThat(reasons(winnerRow)).containsEntry("ESCALATED", -10).containsEntry("COMPLETED", 10)
                .containsEntry("BLACK_LIST", -10).doesNotContainKey("RED_LIST");
        assertThat(winnerRow.path("reasons").findValuesAsString("text"))
                .anySatisfy(text -> assertThat(text).startsWith("on the black list of " + quarter + " by rule B4: ")
                        .contains("escalated"));
        JsonNode reclaimerRow = row(assessment, reclaimer);
        assertThat(reclaimerRow.path("figures").path("milestonesOnTime").asInt()).isEqualTo(1);
        assertThat(reclaimerRow.path("figures").path("wishes").path("claimed").asInt()).isEqualTo(1);
        assertThat(reclaimerRow.path("figures").path("wishes").path("fulfilledOnTime").asInt()).isEqualTo(1);
        assertThat(reasons(reclaimerRow)).containsEntry("SIGNED", 10).doesNotContainKey("ESCALATED")
                .containsEntry("WISHES_CLAIMED", 2).containsEntry("WISHES_ON_TIME", 10).containsEntry("WISH_RATINGS", 10)
                .containsEntry("RED_LIST", 5);
        assertThat(reclaimerRow.path("reasons").findValuesAsString("text"))
                .contains("fulfilled 1 of 1 wish(es) on time", "1 rating(s) by residents, 5.0 of 5 on average")
                .anySatisfy(text -> assertThat(text).startsWith("on the red list of " + quarter + " by rule R2: "));
        assertThat(reasons(row(assessment, decliner))).containsKey("DECLINED");
        JsonNode again = admin.post("/api/assessments", assess).expect(200).json();
        assertThat(again.path("version").asInt()).as("nothing changed, no new version").isEqualTo(assessment.path("version").asInt());
        JsonNode own = community.unit(reclaimer).get("/api/assessments?community=" + community.id() + "&year=" + year)
                .expect(200).json();
        assertThat(own.path("units")).hasSize(1);
        ApiResponse csv = admin.withHeader("Accept", "text/csv").get("/api/assessments?community=" + community.id()
                + "&year=" + year).expect(200);
        assertThat(csv.body()).contains("项目测试单位甲", "项目测试单位乙", "项目测试单位丙", "wishes_claimed",
                quarter + " B4", quarter + " R2");
    }

    private static Map<String, Object> agreement(LocalDate first, LocalDate second) {
        return Map.of("signatory", "周书记", "commitments", "按期推进，每季度报告",
                "milestones", List.of(Map.of("title", "方案制定", "dueDate", first.toString()),
                        Map.of("title", "完成交付", "dueDate", second.toString())));
    }

    private static JsonNode entry(JsonNode board, String unit) {
        for (String list : List.of("red", "black", "neither")) {
            for (JsonNode entry : board.path(list)) {
                if (entry.path("unitId").asString().equals(unit)) {
                    return entry;
                }
            }
        }
        return null;
    }

    private static JsonNode row(JsonNode assessment, String unit) {
        for (JsonNode row : assessment.path("units")) {
            if (row.path("unitId").asString().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no row for unit " + unit + " in " + assessment);
    }

    private static Map<String, Integer> reasons(JsonNode row) {
        Map<String, Integer> points = new HashMap<>();
        row.path("reasons").forEach(reason -> points.put(reason.path("code").asString(), reason.path("points").asInt()));
        return points;
    }

    private interface Claim {
        int by(String unit);
    }

    /** Every unit claims at the same moment; the status each got. */
    private static Map<String, Integer> race(List<String> units, Claim claim) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(units.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            Map<String, Future<Integer>> answers = new HashMap<>();
            for (String unit : units) {
                answers.put(unit, pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return claim.by(unit);
                }));
            }
            start.countDown();
            Map<String, Integer> statuses = new HashMap<>();
            for (Map.Entry<String, Future<Integer>> answer : answers.entrySet()) {
                statuses.put(answer.getKey(), answer.getValue().get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
