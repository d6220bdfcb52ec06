package org.gridgov.member.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The star rank (星级排行榜) and the quarterly red/black list (红黑榜), each with the figures and rule behind every place. */
class RankingIT extends MemberServiceIntegrationTest {

    private static final Map<String, Object> RESIDENT = Map.of("id", "resident-1", "role", "RESIDENT");
    private static final Map<String, Object> TIMER = Map.of("id", "sla-timer", "role", "SYSTEM");

    @Test
    void members_are_ranked_by_points_earned_and_starred_by_points_and_hours() {
        Community community = newCommunity();
        UUID keen = registerMember(community, "甲", "RETIRED");
        UUID steady = registerMember(community, "乙", "RESIDENT");
        UUID quiet = registerMember(community, "丙", "MOBILE");
        approveService(community, keen, 12);
        approveService(community, steady, 4);
        publishWishEvent("org.gridgov.wish.closed.v1", UUID.randomUUID(), Map.of("actor", RESIDENT, "status", "CLOSED",
                "claimer", Map.of("kind", "PARTY_MEMBER", "id", keen.toString()), "servedMemberIds", List.of(),
                "occurredAt", Instant.now().toString()), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> balance(keen) == 140);
        UUID item = UUID.fromString(post("/api/points/store-items", admin(community.id()), Map.of("communityId",
                community.id().toString(), "name", "保温杯", "price", 100, "stock", 1))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
        post("/api/points/redemptions", partyMember(keen), Map.of("memberId", keen.toString(), "itemId", item.toString(),
                "quantity", 1)).expectStatus().isCreated();

        get("/api/rankings/stars?community=" + community.id(), resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.rules.length()").isEqualTo(6)
                .jsonPath("$.entries.items[0].memberId").isEqualTo(keen.toString())
                .jsonPath("$.entries.items[0].place").isEqualTo(1)
                .jsonPath("$.entries.items[0].pointsEarned").isEqualTo(140)
                .jsonPath("$.entries.items[0].serviceHours").isEqualTo(12.0)
                .jsonPath("$.entries.items[0].wishesServed").isEqualTo(1)
                .jsonPath("$.entries.items[0].stars").isEqualTo(3)
                .jsonPath("$.entries.items[0].rule").isEqualTo("3★: at least 60 points earned and 12 service hours this year")
                .jsonPath("$.entries.items[1].memberId").isEqualTo(steady.toString())
                .jsonPath("$.entries.items[1].stars").isEqualTo(2)
                .jsonPath("$.entries.items[1].pointsEarned").isEqualTo(40)
                .jsonPath("$.entries.items[2].memberId").isEqualTo(quiet.toString())
                .jsonPath("$.entries.items[2].stars").isEqualTo(0)
                .jsonPath("$.entries.items[2].place").isEqualTo(3);
        Map<?, ?> firstTwo = (Map<?, ?>) get("/api/rankings/stars?community=" + community.id() + "&limit=2", resident())
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("entries");
        assertThat((List<?>) firstTwo.get("items")).hasSize(2);
        Object cursor = firstTwo.get("nextCursor");
        get("/api/rankings/stars?community=" + community.id() + "&limit=2&cursor=" + cursor, resident()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.items.length()").isEqualTo(1)
                .jsonPath("$.entries.items[0].memberId").isEqualTo(quiet.toString())
                .jsonPath("$.entries.nextCursor").doesNotExist();
        get("/api/rankings/stars?community=" + community.id() + "&cursor=", resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.entries.items.length()").isEqualTo(3);
        // a cursor no page gave out (here: place -1) is the caller's mistake
        get("/api/rankings/stars?community=" + community.id() + "&cursor=LTE", resident()).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_quarterly_red_black_list_places_every_unit_by_a_named_rule_with_its_figures() {
        Community community = newCommunity();
        UUID reliable = joinUnit(community, "A 区人民医院");
        UUID absent = joinUnit(community, "B 某商贸公司");
        UUID disliked = joinUnit(community, "C 某物业公司");
        UUID idle = joinUnit(community, "D 区图书馆");
        for (int day = 1; day <= 3; day++) {
            servedOnTime(community, reliable, day, 5);
            leftUnanswered(community, absent, day);
        }
        servedOnTime(community, disliked, 4, 2);
        servedOnTime(community, disliked, 5, 1);
        String path = "/api/units/red-black-list?community=" + community.id() + "&quarter=2026Q1";

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get(path, resident()).expectBody()
                .jsonPath("$.red[0].figures.closed").isEqualTo(3)
                .jsonPath("$.black.length()").isEqualTo(2)
                .jsonPath("$.black[?(@.unitId=='" + disliked + "')].figures.ratings").isEqualTo(2));
        get(path, resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.quarter").isEqualTo("2026Q1")
                .jsonPath("$.rules.length()").isEqualTo(9)
                .jsonPath("$.red.length()").isEqualTo(1)
                .jsonPath("$.red[0].unitId").isEqualTo(reliable.toString())
                .jsonPath("$.red[0].rule.code").isEqualTo("R1")
                .jsonPath("$.red[0].figures.claims").isEqualTo(3)
                .jsonPath("$.red[0].figures.onTime").isEqualTo(3)
                .jsonPath("$.red[0].figures.onTimeRate").isEqualTo(1.0)
                .jsonPath("$.red[0].figures.averageRating").isEqualTo(5.0)
                .jsonPath("$.black[?(@.unitId=='" + absent + "')].rule.code").isEqualTo("B1")
                .jsonPath("$.black[?(@.unitId=='" + absent + "')].figures.unanswered").isEqualTo(3)
                .jsonPath("$.black[?(@.unitId=='" + disliked + "')].rule.code").isEqualTo("B3")
                .jsonPath("$.black[?(@.unitId=='" + disliked + "')].figures.averageRating").isEqualTo(1.5)
                .jsonPath("$.neither.length()").isEqualTo(1)
                .jsonPath("$.neither[0].unitId").isEqualTo(idle.toString())
                .jsonPath("$.neither[0].rule.code").isEqualTo("N");
        get("/api/units/red-black-list?community=" + community.id() + "&quarter=2026Q2", resident()).expectStatus().isOk()
                .expectBody().jsonPath("$.neither.length()").isEqualTo(4);
        get("/api/units/red-black-list?community=" + community.id() + "&quarter=2026Q5", resident()).expectStatus().isBadRequest();
    }

    @Test
    void project_delivery_puts_units_on_the_red_or_black_list_by_a_named_rule_and_a_redelivered_event_counts_once() {
        Community community = newCommunity();
        UUID keeping = joinUnit(community, "E 供电所");
        UUID escalated = joinUnit(community, "F 某建筑公司");
        UUID poor = joinUnit(community, "G 某快递站");
        UUID declining = joinUnit(community, "H 某银行");
        UUID signedProject = UUID.randomUUID();
        UUID signing = UUID.randomUUID();
        Map<String, Object> signed = project(community, keeping, Map.of("agreementNumber", "2026-001",
                "milestones", List.of(Map.of("title", "组建志愿队", "dueDate", "2026-04-30")), "occurredAt", "2026-04-02T08:00:00Z"));
        publishProjectEvent("org.gridgov.project.signed.v1", signedProject, signed, signing);
        publishProjectEvent("org.gridgov.project.signed.v1", signedProject, signed, signing);
        UUID reviewed = UUID.randomUUID();
        Map<String, Object> good = project(community, keeping, Map.of("quarter", "2026Q2", "grade", "GOOD",
                "occurredAt", "2026-06-28T08:00:00Z"));
        publishProjectEvent("org.gridgov.project.reviewed.v1", reviewed, good, UUID.randomUUID());
        publishProjectEvent("org.gridgov.project.reviewed.v1", reviewed, good, UUID.randomUUID());
        publishProjectEvent("org.gridgov.project.progressed.v1", UUID.randomUUID(), project(community, keeping,
                Map.of("percent", 40, "milestone", "组建志愿队", "milestoneOnTime", true, "occurredAt", "2026-04-20T08:00:00Z")),
                UUID.randomUUID());
        UUID late = UUID.randomUUID();
        for (String level : List.of("REMINDER", "ESCALATION")) {
            publishProjectEvent("org.gridgov.project.milestone-overdue.v1", late, project(community, escalated,
                    Map.of("milestone", "扶手安装", "dueDate", "2026-04-30", "level", level, "daysLate", 8,
                            "occurredAt", level.equals("REMINDER") ? "2026-05-01T08:00:00Z" : "2026-05-08T08:00:00Z")),
                    UUID.randomUUID());
        }
        publishProjectEvent("org.gridgov.project.reviewed.v1", UUID.randomUUID(), project(community, poor,
                Map.of("quarter", "2026Q2", "grade", "POOR", "occurredAt", "2026-07-03T08:00:00Z")), UUID.randomUUID());
        publishProjectEvent("org.gridgov.project.declined.v1", UUID.randomUUID(), project(community, declining,
                Map.of("occurredAt", "2026-05-03T08:00:00Z")), UUID.randomUUID());
        String path = "/api/units/red-black-list?community=" + community.id() + "&quarter=2026Q2";

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get(path, resident()).expectBody()
                .jsonPath("$.black.length()").isEqualTo(2)
                .jsonPath("$.red[0].figures.projects.milestonesOnTime").isEqualTo(1)
                .jsonPath("$.neither[0].figures.projects.declined").isEqualTo(1));
        get(path, resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.red.length()").isEqualTo(1)
                .jsonPath("$.red[0].unitId").isEqualTo(keeping.toString())
                .jsonPath("$.red[0].rule.code").isEqualTo("R2")
                .jsonPath("$.red[0].figures.projects.signed").isEqualTo(1)
                .jsonPath("$.red[0].figures.projects.reviews").isEqualTo(1)
                .jsonPath("$.red[0].figures.projects.goodReviews").isEqualTo(1)
                .jsonPath("$.black[?(@.unitId=='" + escalated + "')].rule.code").isEqualTo("B4")
                .jsonPath("$.black[?(@.unitId=='" + escalated + "')].figures.projects.reminders").isEqualTo(1)
                .jsonPath("$.black[?(@.unitId=='" + escalated + "')].figures.projects.escalations").isEqualTo(1)
                .jsonPath("$.black[?(@.unitId=='" + poor + "')].rule.code").isEqualTo("B5")
                .jsonPath("$.black[?(@.unitId=='" + poor + "')].rule.text").value(text ->
                        assertThat(String.valueOf(text)).contains("POOR"))
                .jsonPath("$.neither[0].unitId").isEqualTo(declining.toString())
                .jsonPath("$.neither[0].rule.code").isEqualTo("N");
        get("/api/units/red-black-list?community=" + community.id() + "&quarter=2026Q3", resident()).expectStatus().isOk()
                .expectBody().jsonPath("$.neither.length()").isEqualTo(4);
    }

    @Test
    void a_unit_away_from_the_quarters_joint_meeting_without_excuse_is_on_the_black_list_and_an_excused_one_is_not() {
        Community community = newCommunity();
        UUID present = joinUnit(community, "J 敦仁小学");
        UUID excused = joinUnit(community, "K 供电所");
        UUID absent = joinUnit(community, "L 某物业公司");
        UUID meeting = UUID.randomUUID();
        Map<String, Object> closed = Map.of("meetingId", meeting.toString(), "communityId", community.id().toString(),
                "kind", "JOINT", "presentUnitIds", List.of(present.toString()), "excusedUnitIds", List.of(excused.toString()),
                "absentUnitIds", List.of(absent.toString()), "motionsPassed", 1, "motionsFailed", 1,
                "occurredAt", "2026-08-20T08:00:00Z");
        publishCommitteeEvent("org.gridgov.meeting.closed.v1", meeting, closed, UUID.randomUUID());
        publishCommitteeEvent("org.gridgov.meeting.closed.v1", meeting, closed, UUID.randomUUID());
        // a residents' meeting says nothing about the units
        UUID residents = UUID.randomUUID();
        publishCommitteeEvent("org.gridgov.meeting.closed.v1", residents, Map.of("meetingId", residents.toString(),
                "communityId", community.id().toString(), "kind", "RESIDENTS", "presentUnitIds", List.of(),
                "excusedUnitIds", List.of(), "absentUnitIds", List.of(present.toString()), "motionsPassed", 0,
                "motionsFailed", 0, "occurredAt", "2026-08-21T08:00:00Z"), UUID.randomUUID());
        String path = "/api/units/red-black-list?community=" + community.id() + "&quarter=2026Q3";

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get(path, resident()).expectBody()
                .jsonPath("$.black.length()").isEqualTo(1));
        get(path, resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.black[0].unitId").isEqualTo(absent.toString())
                .jsonPath("$.black[0].rule.code").isEqualTo("B6")
                .jsonPath("$.black[0].figures.meetings.absent").isEqualTo(1)
                .jsonPath("$.neither.length()").isEqualTo(2)
                .jsonPath("$.neither[?(@.unitId=='" + excused + "')].figures.meetings.excused").isEqualTo(1)
                .jsonPath("$.neither[?(@.unitId=='" + present + "')].figures.meetings.present").isEqualTo(1)
                .jsonPath("$.neither[?(@.unitId=='" + present + "')].figures.meetings.absent").isEqualTo(0);
        get("/api/units/red-black-list?community=" + community.id() + "&quarter=2026Q4", resident()).expectStatus().isOk()
                .expectBody().jsonPath("$.black.length()").isEqualTo(0);
    }

    @Test
    void an_admin_announces_a_quarters_list_with_each_units_placement_and_rule_on_member_events() {
        Community community = newCommunity();
        UUID reliable = joinUnit(community, "I 区中医院");
        UUID idle = joinUnit(community, "J 某超市");
        for (int day = 1; day <= 3; day++) {
            servedOnTime(community, reliable, day, 5);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/units/red-black-list?community="
                + community.id() + "&quarter=2026Q1", resident()).expectBody().jsonPath("$.red.length()").isEqualTo(1));
        Map<String, Object> body = Map.of("communityId", community.id().toString(), "quarter", "2026Q1");

        post("/api/units/red-black-list/announcements", resident(), body).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/units/red-black-list/announcements", admin(newCommunity().id()), body).expectStatus().isForbidden();
        post("/api/units/red-black-list/announcements", admin(community.id()), Map.of("communityId",
                community.id().toString(), "quarter", "2026Q5")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("quarter");
        post("/api/units/red-black-list/announcements", admin(community.id()), Map.of("communityId",
                community.id().toString(), "quarter", "2100Q4")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("quarter");
        post("/api/units/red-black-list/announcements", districtAdmin(), Map.of("communityId", STREET.toString(),
                "quarter", "2026Q1")).expectStatus().isNotFound();
        post("/api/units/red-black-list/announcements", districtAdmin(), body).expectStatus().isCreated().expectBody()
                .jsonPath("$.announcementId").isNotEmpty()
                .jsonPath("$.list.red[0].unitId").isEqualTo(reliable.toString())
                .jsonPath("$.list.neither[0].unitId").isEqualTo(idle.toString());

        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(record -> community.id().toString().equals(record.key())
                    && "org.gridgov.redblacklist.announced.v1".equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    Duration.ofSeconds(30));
            assertThat(KafkaTopicReader.value(events.get(0))).contains("\"quarter\":\"2026Q1\"",
                    "{\"unitId\":\"" + reliable + "\",\"placement\":\"RED\",\"rule\":\"R1\"",
                    "{\"unitId\":\"" + idle + "\",\"placement\":\"NONE\",\"rule\":\"N\"");
        }
    }

    private static Map<String, Object> project(Community community, UUID unit, Map<String, Object> data) {
        Map<String, Object> event = new HashMap<>(data);
        event.put("communityId", community.id().toString());
        event.put("year", 2026);
        event.put("unitId", unit.toString());
        return event;
    }

    /** Dispatched to the unit, claimed, fulfilled before the wanted date and closed with a rating, in January 2026. */
    private static void servedOnTime(Community community, UUID unit, int day, int rating) {
        UUID wish = UUID.randomUUID();
        Map<String, Object> claimer = Map.of("kind", "UNIT", "id", unit.toString());
        Map<String, Object> submitted = new HashMap<>(submitted(community, day));
        submitted.put("wantedBy", at(day + 10));
        publishWishEvent("org.gridgov.wish.submitted.v1", wish, submitted, UUID.randomUUID());
        publishWishEvent("org.gridgov.wish.dispatched.v1", wish, Map.of("actor", TIMER, "status", "DISPATCHED",
                "candidateUnits", List.of(unit.toString()), "occurredAt", at(day)), UUID.randomUUID());
        publishWishEvent("org.gridgov.wish.claimed.v1", wish, Map.of("actor", TIMER, "status", "CLAIMED", "claimer", claimer,
                "occurredAt", at(day + 1)), UUID.randomUUID());
        publishWishEvent("org.gridgov.wish.fulfilled.v1", wish, Map.of("actor", TIMER, "status", "FULFILLED", "claimer", claimer,
                "occurredAt", at(day + 2)), UUID.randomUUID());
        publishWishEvent("org.gridgov.wish.closed.v1", wish, Map.of("actor", RESIDENT, "status", "CLOSED", "claimer", claimer,
                "rating", rating, "servedMemberIds", List.of(), "occurredAt", at(day + 3)), UUID.randomUUID());
    }

    /** Dispatched to the unit, which let the claim deadline pass. */
    private static void leftUnanswered(Community community, UUID unit, int day) {
        UUID wish = UUID.randomUUID();
        publishWishEvent("org.gridgov.wish.submitted.v1", wish, submitted(community, day), UUID.randomUUID());
        publishWishEvent("org.gridgov.wish.dispatched.v1", wish, Map.of("actor", TIMER, "status", "DISPATCHED",
                "candidateUnits", List.of(unit.toString()), "occurredAt", at(day)), UUID.randomUUID());
        publishWishEvent("org.gridgov.wish.escalated.v1", wish, Map.of("actor", TIMER, "status", "DISPATCHED",
                "slaStep", "CLAIM", "level", "COMMUNITY", "dueAt", at(day + 1), "occurredAt", at(day + 1)), UUID.randomUUID());
    }

    private static Map<String, Object> submitted(Community community, int day) {
        return Map.of("actor", RESIDENT, "status", "SUBMITTED", "category", "REPAIRS", "title", "修水管",
                "gridId", community.grid().toString(), "microGridId", UUID.randomUUID().toString(),
                "communityId", community.id().toString(), "occurredAt", at(day));
    }

    private static String at(int dayOfJanuary) {
        return "2026-01-" + String.format("%02d", dayOfJanuary) + "T08:00:00Z";
    }

    private void approveService(Community community, UUID member, int hours) {
        String record = post("/api/members/" + member + "/service-records", partyMember(member),
                Map.of("hours", hours, "servedOn", LocalDate.now().toString(), "activity", "社区巡逻"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        post("/api/members/" + member + "/service-records/" + record + "/approval", gridStaff(community.grid()), Map.of())
                .expectStatus().isOk();
    }

    private long balance(UUID member) {
        Map<?, ?> account = get("/api/points/accounts/" + member, partyMember(member)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) account.get("balance")).longValue();
    }
}
