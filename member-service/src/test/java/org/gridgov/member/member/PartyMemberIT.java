package org.gridgov.member.member;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Registering party members, dual reporting (双报到), service records, and who may see what. */
class PartyMemberIT extends MemberServiceIntegrationTest {

    @Test
    void an_admin_registers_a_member_who_sees_their_own_phone_while_lists_mask_it() {
        Community community = newCommunity();
        UUID member = registerMember(community, "李建国", "RETIRED");

        get("/api/members/" + member, partyMember(member)).expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("李建国")
                .jsonPath("$.kind").isEqualTo("RETIRED")
                .jsonPath("$.gridId").isEqualTo(community.grid().toString())
                .jsonPath("$.phone").isEqualTo("13812345678");
        get("/api/members/" + member, gridStaff(community.grid())).expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo("13812345678");
        get("/api/members?community=" + community.id(), admin(community.id())).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo(member.toString())
                .jsonPath("$.items[0].phone").isEqualTo("138******78");
        get("/api/members/" + member, gridStaff(community.otherGrid())).expectStatus().isNotFound();
    }

    @Test
    void registration_is_announced_on_member_events() {
        Community community = newCommunity();
        UUID member = registerMember(community, "张敏", "RESIDENT");
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(record -> member.toString().equals(record.key())
                    && "org.gridgov.member.registered.v1".equals(KafkaTopicReader.header(record, "ce_type")), 1, Duration.ofSeconds(30));
            assertThat(KafkaTopicReader.value(events.get(0))).contains("\"kind\":\"RESIDENT\"").doesNotContain("13812345678");
        }
    }

    @Test
    void only_admins_over_the_community_register_members_there() {
        Community community = newCommunity();
        Community elsewhere = newCommunity();
        Map<String, Object> body = Map.of("name", "王芳", "kind", "RESIDENT", "communityId", community.id().toString());
        post("/api/members", admin(elsewhere.id()), body).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/members", gridStaff(community.grid()), body).expectStatus().isForbidden();
        post("/api/members", resident(), body).expectStatus().isForbidden();
        post("/api/members", districtAdmin(), body).expectStatus().isCreated();
        get("/api/members?community=" + community.id(), admin(elsewhere.id())).expectStatus().isForbidden();
    }

    @Test
    void bad_registrations_are_refused_with_400_problems() {
        Community community = newCommunity();
        Community elsewhere = newCommunity();
        String admin = admin(community.id());
        post("/api/members", admin, Map.of("name", "", "kind", "RESIDENT", "communityId", community.id().toString()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        post("/api/members", admin, Map.of("name", "赵六", "kind", "ASTRONAUT", "communityId", community.id().toString()))
                .expectStatus().isBadRequest();
        post("/api/members", admin, Map.of("name", "赵六", "kind", "RESIDENT", "communityId", UUID.randomUUID().toString()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/invalid-request");
        post("/api/members", admin, Map.of("name", "赵六", "kind", "RESIDENT", "communityId", community.id().toString(),
                "gridId", elsewhere.grid().toString())).expectStatus().isBadRequest();
        post("/api/members", admin, Map.of("name", "赵六", "kind", "RESIDENT", "communityId", community.id().toString(),
                "phone", "call me")).expectStatus().isBadRequest();
        get("/api/members?community=" + community.id(), admin).expectStatus().isOk().expectBody()
                .jsonPath("$.items").isEmpty();
    }

    @Test
    void an_in_service_member_dual_reports_to_their_home_community_once() {
        Community work = newCommunity();
        Community home = newCommunity();
        UUID member = registerMember(work, "陈志强", "IN_SERVICE");
        Map<String, Object> report = Map.of("communityId", home.id().toString(), "workUnit", "涪陵区税务局");

        post("/api/members/" + member + "/dual-report", partyMember(member), report).expectStatus().isOk().expectBody()
                .jsonPath("$.communityId").isEqualTo(home.id().toString())
                .jsonPath("$.gridId").doesNotExist()
                .jsonPath("$.dualReport.workUnit").isEqualTo("涪陵区税务局")
                .jsonPath("$.dualReport.communityId").isEqualTo(home.id().toString());
        post("/api/members/" + member + "/dual-report", partyMember(member), report).expectStatus().isOk();

        for (String firstPage : List.of("", "&cursor=")) {
            get("/api/members?community=" + home.id() + "&dualReported=true" + firstPage, admin(home.id())).expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.items.length()").isEqualTo(1)
                    .jsonPath("$.items[0].id").isEqualTo(member.toString());
        }
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            assertThat(reader.settle(record -> member.toString().equals(record.key())
                    && "org.gridgov.member.dual-reported.v1".equals(KafkaTopicReader.header(record, "ce_type")), Duration.ofSeconds(3)))
                    .as("the repeat changed nothing and announced nothing").hasSize(1);
        }
    }

    @Test
    void only_in_service_members_dual_report_and_only_themselves_or_admins_record_it() {
        Community community = newCommunity();
        UUID resident = registerMember(community, "刘洋", "RESIDENT");
        UUID inService = registerMember(community, "孙丽", "IN_SERVICE");
        Map<String, Object> report = Map.of("communityId", community.id().toString(), "workUnit", "区教委");

        post("/api/members/" + resident + "/dual-report", admin(community.id()), report).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.reason").isEqualTo("NOT_IN_SERVICE");
        post("/api/members/" + inService + "/dual-report", partyMember(resident), report).expectStatus().isNotFound();
        post("/api/members/" + inService + "/dual-report", gridStaff(community.grid()), report).expectStatus().isForbidden();
        post("/api/members/" + inService + "/dual-report", admin(community.id()), Map.of("communityId", community.id().toString()))
                .expectStatus().isBadRequest();
        post("/api/members/" + inService + "/dual-report", admin(community.id()), report).expectStatus().isOk()
                .expectBody().jsonPath("$.gridId").isEqualTo(community.grid().toString());
    }

    @Test
    void grid_staff_approve_service_records_which_earns_points_once() {
        Community community = newCommunity();
        UUID member = registerMember(community, "周红", "RESIDENT");
        String record = post("/api/members/" + member + "/service-records", partyMember(member),
                Map.of("hours", 2.5, "servedOn", LocalDate.now().toString(), "activity", "敬老院义诊"))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String approval = "/api/members/" + member + "/service-records/" + record + "/approval";

        post(approval, partyMember(member), Map.of()).expectStatus().isForbidden();
        post(approval, gridStaff(community.otherGrid()), Map.of()).expectStatus().isNotFound();
        post(approval, gridStaff(community.grid()), Map.of("note", "属实")).expectStatus().isOk().expectBody()
                .jsonPath("$.record.status").isEqualTo("APPROVED")
                .jsonPath("$.pointsAwarded").isEqualTo(25);
        post(approval, gridStaff(community.grid()), Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.reason").isEqualTo("ALREADY_DECIDED");

        get("/api/points/accounts/" + member, partyMember(member)).expectStatus().isOk().expectBody()
                .jsonPath("$.balance").isEqualTo(25)
                .jsonPath("$.entries.items[0].cause").isEqualTo("SERVICE_RECORD")
                .jsonPath("$.entries.items[0].causeId").isEqualTo(record);
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            reader.await(event -> member.toString().equals(event.key())
                    && "org.gridgov.service.recorded.v1".equals(KafkaTopicReader.header(event, "ce_type")), 1, Duration.ofSeconds(30));
        }
    }

    @Test
    void a_service_record_on_a_wish_nobody_submitted_is_refused_with_422_naming_wishId() {
        Community community = newCommunity();
        UUID member = registerMember(community, "郑和", "RESIDENT");
        UUID nowish = UUID.randomUUID();
        String path = "/api/members/" + member + "/service-records";

        post(path, partyMember(member), Map.of("hours", 2, "servedOn", LocalDate.now().toString(), "wishId", nowish.toString()))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/unknown-reference")
                .jsonPath("$.errors[0].field").isEqualTo("wishId")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains(nowish.toString()));
        get(path, partyMember(member)).expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();

        UUID wish = UUID.randomUUID();
        publishWishEvent("org.gridgov.wish.submitted.v1", wish, Map.of("category", "ELDERLY_CARE", "title", "买菜",
                "gridId", community.grid().toString(), "microGridId", community.grid().toString(),
                "communityId", community.id().toString(),
                "actor", Map.of("id", "resident-1", "role", "RESIDENT"), "status", "SUBMITTED",
                "occurredAt", Instant.now().toString()), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> post(path, partyMember(member), Map.of("hours", 2,
                "servedOn", LocalDate.now().toString(), "wishId", wish.toString())).expectStatus().isCreated());
    }

    @Test
    void a_bad_registration_names_each_offending_field_and_what_it_expects() {
        Community community = newCommunity();
        post("/api/members", admin(community.id()), Map.of("name", "钱九", "kind", "ASTRONAUT",
                "communityId", community.id().toString()))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("expected one of ")
                        .contains("IN_SERVICE", "RETIRED"));
        post("/api/members", admin(community.id()), Map.of("name", "钱九", "kind", "RETIRED", "communityId", "东区"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("expected a UUID"));
    }

    @Test
    void service_records_need_a_cause_and_sensible_hours() {
        Community community = newCommunity();
        UUID member = registerMember(community, "吴刚", "RESIDENT");
        String path = "/api/members/" + member + "/service-records";
        post(path, partyMember(member), Map.of("hours", 2, "servedOn", LocalDate.now().toString())).expectStatus().isBadRequest();
        post(path, partyMember(member), Map.of("hours", 30, "servedOn", LocalDate.now().toString(), "activity", "巡逻"))
                .expectStatus().isBadRequest();
        post(path, partyMember(member), Map.of("hours", 2, "servedOn", LocalDate.now().plusDays(2).toString(), "activity", "巡逻"))
                .expectStatus().isBadRequest();
        get(path, partyMember(member)).expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();
    }
}
