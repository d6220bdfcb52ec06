package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's case chain (GB/T 30428: 信息采集 → 案卷建立 → 任务派遣 → 任务处理 → 处理反馈 → 核查结案 → 综合评价) through the
 * gateway, on the whole platform: a patrol's finding becomes a case, the community files it and refers it to a
 * department (吹哨), the department reports in late — reminded, then the street told — handles it, fails verification
 * once, reworks it and it is verified and closed; the department's figures show the late acknowledgement and the
 * rework. And a visit's finding raised as a need lands on wish-service's needs list; another made a case.
 *
 * <p>The time: fieldwork-service runs on its production SLA periods (an EMERGENCY case is acknowledged within 30 min)
 * and, on the system platform only, on a clock the test moves ({@code gridgov.clock.offset-file}, the kit's
 * OffsetFileClock; no endpoint): past the period for the reminder, past twice the period for the escalation, and back
 * in a {@code finally}. The service's own SLA timer (polled every second) sends both. The jump is the smallest the SLA
 * allows: whatever else falls due within the hour skipped falls due at once (see the commit that brought the clock).
 */
class CaseChainIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void a_patrols_finding_is_referred_acknowledged_late_reworked_once_and_closed_and_the_department_is_evaluated() {
        SystemPlatform platform = SystemPlatform.shared();
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        TestCommunity.Grid grid = community.grids().get(0);
        ApiClient staff = community.staff(grid);
        ApiClient district = platform.as(TokenRequest.of("chain-district-admin", "DISTRICT_ADMIN")
                .withJurisdiction(TestCommunity.DISTRICT));
        // registered once fieldwork-service knows the street from grid.events
        String department = TestCommunity.onceKnown(district, "/api/departments", json(Map.of("name",
                "区市政设施维护中心-" + UUID.randomUUID(), "categories", List.of("REPAIRS"),
                "streetIds", List.of(TestCommunity.STREET)))).expect(201).field("id");
        ApiClient departmentStaff = platform.as(TokenRequest.of("chain-department-" + department, "DEPARTMENT")
                .withDepartment(department));

        // 信息采集: on patrol, a finding reported as a case in one step (once fieldwork-service knows the grid)
        String patrol = TestCommunity.onceKnown(staff, "/api/patrols", json(Map.of("gridId", grid.id()))).expect(201).field("id");
        staff.post("/api/patrols/" + patrol + "/check-ins", json(Map.of("place", "太平街12号楼下"))).expect(201);
        JsonNode finding = staff.post("/api/patrols/" + patrol + "/findings", json(Map.of(
                "description", "12号楼下污水管道破裂外溢", "microGridId", grid.microGridId(), "category", "REPAIRS",
                "severity", "EMERGENCY", "householdsAffected", 60))).expect(201).json();
        String path = "/api/cases/" + finding.path("caseId").asString();
        staff.post("/api/patrols/" + patrol + "/end", null).expect(200);
        JsonNode reported = staff.get(path).expect(200).json();
        assertThat(reported.path("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.path("source").asString()).isEqualTo("PATROL");
        assertThat(reported.path("patrolId").asString()).isEqualTo(patrol);

        // 案卷建立, 任务派遣 (吹哨)
        staff.post(path + "/filing", null).expect(200);
        assertThat(staff.post(path + "/referral", json(Map.of("departmentId", UUID.randomUUID().toString())))
                .expect(400).json().at("/errors/0/field").asString()).isEqualTo("departmentId");
        JsonNode referred = staff.post(path + "/referral", json(Map.of("departmentId", department))).expect(200).json();
        Duration allowed = Duration.between(Instant.parse(referred.path("referredAt").asString()),
                Instant.parse(referred.path("dueAt").asString()));
        assertThat(allowed).as("an emergency's production period to acknowledge").isEqualTo(Duration.ofMinutes(30));

        try {
            // nobody reports in: reminded once the acknowledgement period has passed, the street told after twice that
            platform.moveFieldworkClock(allowed);
            JsonNode reminded = Convergence.eventually(Duration.ofMinutes(1), () -> departmentStaff.get(path).expect(200)
                    .json(), c -> c.hasNonNull("remindedAt"));
            assertThat(reminded.hasNonNull("escalatedAt")).as("not yet the street").isFalse();
            platform.moveFieldworkClock(allowed.multipliedBy(2));
            JsonNode late = Convergence.eventually(Duration.ofMinutes(1), () -> departmentStaff.get(path).expect(200).json(),
                    c -> c.hasNonNull("escalatedAt"));
            assertThat(late.path("remindedAt").asString()).as("reminded first").isEqualTo(reminded.path("remindedAt").asString());
            assertThat(Instant.parse(late.path("remindedAt").asString())).isBefore(Instant.parse(late.path("escalatedAt").asString()));
            assertThat(late.path("status").asString()).isEqualTo("REFERRED");

            // the rest of the case's life on the same (moved) clock, its times in order
            handledAfterRework(staff, departmentStaff, path);
        } finally {
            platform.putFieldworkClockBack();
        }

        // 综合评价: the department's figures show the late acknowledgement and the rework
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode performance = departmentStaff.get("/api/departments/" + department + "/performance?from="
                + today.minusDays(1) + "&to=" + today.plusDays(2)).expect(200).json().path("figures");
        assertThat(performance.path("referred").asInt()).isEqualTo(1);
        assertThat(performance.path("acknowledged").asInt()).isEqualTo(1);
        assertThat(performance.path("acknowledgedOnTime").asInt()).as("late").isZero();
        assertThat(performance.path("handled").asInt()).isEqualTo(1);
        assertThat(performance.path("closed").asInt()).isEqualTo(1);
        assertThat(performance.path("reworked").asInt()).isEqualTo(1);
        assertThat(performance.path("reworkRate").asDouble()).isEqualTo(1.0);
        assertThat(performance.path("medianMinutesToAcknowledge").asLong()).as("an hour late").isGreaterThanOrEqualTo(60);
    }

    /** 报到, late; 任务处理 and 处理反馈; 核查 fails once, rework, 核查结案. */
    private static void handledAfterRework(ApiClient staff, ApiClient departmentStaff, String path) {
        JsonNode acknowledged = departmentStaff.post(path + "/acknowledgement", null).expect(200).json();
        assertThat(acknowledged.path("acknowledgedOnTime").asBoolean()).as("acknowledged late").isFalse();
        departmentStaff.post(path + "/handling-report", json(Map.of("note", "已更换破损管段", "photoUrls", List.of())))
                .expect(200);
        JsonNode failed = staff.post(path + "/verification", json(Map.of("passed", false, "note", "仍有污水渗出"))).expect(200).json();
        assertThat(failed.path("status").asString()).as("back to the department").isEqualTo("ACKNOWLEDGED");
        assertThat(failed.path("reworkCount").asInt()).isEqualTo(1);
        departmentStaff.post(path + "/handling-report", json(Map.of("note", "重新封堵接口，已无渗漏", "photoUrls", List.of())))
                .expect(200);
        JsonNode closed = staff.post(path + "/verification", json(Map.of("passed", true, "note", "现场核查通过"))).expect(200).json();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void a_visits_finding_raised_as_a_need_lands_on_the_grids_needs_list() {
        SystemPlatform platform = SystemPlatform.shared();
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        TestCommunity.Grid grid = community.grids().get(0);
        ApiClient staff = community.staff(grid);
        String household = TestCommunity.onceKnown(() -> staff.get("/api/grid/nodes/" + grid.id() + "/households"))
                .expect(200).json().at("/items/0/id").asString();

        String visit = TestCommunity.onceKnown(staff, "/api/visits", json(Map.of("householdId", household,
                "kind", "ROUTINE", "note", "入户走访，了解楼栋情况", "findings", List.of("楼道灯不亮", "单元门禁损坏"))))
                .expect(201).field("id");
        String need = staff.post("/api/visits/" + visit + "/findings/1/need", json(Map.of("category", "REPAIRS",
                "householdsAffected", 18))).expect(201).field("needId");
        staff.post("/api/visits/" + visit + "/findings/1/need", json(Map.of("category", "REPAIRS"))).expect(409);

        JsonNode recorded = Convergence.eventually(Duration.ofMinutes(2), () -> staff.get("/api/needs/" + need),
                reply -> reply.status() == 200).expect(200).json();
        assertThat(recorded.path("title").asString()).isEqualTo("单元门禁损坏");
        assertThat(recorded.path("status").asString()).isEqualTo("RECORDED");
        assertThat(recorded.path("householdsAffected").asInt()).isEqualTo(18);
        assertThat(recorded.path("description").asString()).as("linked back to the visit").contains(visit);
        assertThat(staff.get("/api/visits/" + visit).expect(200).json().path("needs").toString()).contains(need);

        // the other finding made a case, by one command, linked both ways
        String fieldCase = staff.post("/api/visits/" + visit + "/findings/0/case", json(Map.of("category", "REPAIRS",
                "severity", "ROUTINE"))).expect(201).field("id");
        assertThat(staff.post("/api/visits/" + visit + "/findings/0/case", json(Map.of("category", "REPAIRS",
                "severity", "ROUTINE"))).expect(409).json().path("detail").asString()).contains(fieldCase);
        JsonNode made = staff.get("/api/cases/" + fieldCase).expect(200).json();
        assertThat(made.path("description").asString()).isEqualTo("楼道灯不亮");
        assertThat(made.path("visitId").asString()).isEqualTo(visit);
        assertThat(made.path("visitFinding").asInt()).isZero();
        assertThat(staff.get("/api/visits/" + visit).expect(200).json().path("cases").path("0").asString()).isEqualTo(fieldCase);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
