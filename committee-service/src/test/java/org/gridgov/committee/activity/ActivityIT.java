package org.gridgov.committee.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.committee.CommitteeIntegrationTest;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Joint activities through the API, on real PostgreSQL and Kafka: planned, filled in a race, checked in, completed once. */
class ActivityIT extends CommitteeIntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void an_activity_fills_to_its_capacity_when_more_people_sign_up_at_once() throws Exception {
        Committee committee = committee(1, 0);
        String id = plan(committee, NOW.plus(2, ChronoUnit.DAYS), 3);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(feed.member(committee.community()));
        }
        awaitCount("select count(*) from member where community_id = :id", committee.community(), 8);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (UUID member : members) {
            Callable<Integer> signUp = () -> web.post().uri("/api/activities/" + id + "/registrations")
                    .headers(h -> h.setBearerAuth(memberToken(member))).exchange()
                    .returnResult(String.class).getStatus().value();
            answers.add(pool.submit(signUp));
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (Future<Integer> answer : answers) {
            byStatus.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();

        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 3, 409, 5));
        JsonNode activity = get("/api/activities/" + id, admin("COMMUNITY_ADMIN", committee.community()));
        assertThat(activity.path("registered").asInt()).isEqualTo(3);
        assertThat(activity.path("registrations")).hasSize(3);
    }

    @Test
    void completion_credits_those_checked_in_once_and_a_second_completion_is_refused() {
        Committee committee = committee(1, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        String id = plan(committee, NOW.minus(1, ChronoUnit.HOURS), 10);
        UUID came = member(committee);
        UUID stayedAway = member(committee);
        post("/api/activities/" + id + "/registrations", memberToken(came), null).expectStatus().isCreated();
        post("/api/activities/" + id + "/registrations", memberToken(stayedAway), null).expectStatus().isCreated();
        post("/api/activities/" + id + "/registrations", memberToken(came), null).expectStatus().isEqualTo(409);

        String organiser = unitToken(committee.units().get(0));
        JsonNode checkedIn = body(post("/api/activities/" + id + "/check-ins", organiser, Map.of("personId", came))
                .expectStatus().isOk());
        assertThat(checkedIn.path("checkedIn").asBoolean()).isTrue();
        JsonNode nobody = body(post("/api/activities/" + id + "/check-ins", organiser,
                Map.of("personId", UUID.randomUUID())).expectStatus().is4xxClientError());
        assertThat(nobody.path("errors").get(0).path("field").asString()).isEqualTo("personId");
        post("/api/activities/" + id + "/check-ins", memberToken(came), Map.of("personId", came))
                .expectStatus().isForbidden();

        JsonNode completed = body(post("/api/activities/" + id + "/complete", admin, null, "complete-" + id)
                .expectStatus().isOk());
        assertThat(completed.path("completed").asBoolean()).isTrue();
        post("/api/activities/" + id + "/complete", admin, null, "complete-" + id).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        JsonNode again = body(post("/api/activities/" + id + "/complete", admin, null).expectStatus().isEqualTo(409));
        assertThat(again.path("detail").asString()).contains("already completed");
        post("/api/activities/" + id + "/check-ins", organiser, Map.of("personId", stayedAway))
                .expectStatus().isEqualTo(409);

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<ConsumerRecord<String, byte[]>> published = events.settle(record ->
                    "org.gridgov.activity.completed.v1".equals(KafkaTopicReader.header(record, "ce_type"))
                            && KafkaTopicReader.value(record).contains(id), Duration.ofSeconds(3));
            assertThat(published).hasSize(1);
            JsonNode data = json.readTree(KafkaTopicReader.value(published.get(0)));
            assertThat(data.path("hours").asDouble()).isEqualTo(2.5);
            assertThat(data.path("points").asInt()).isEqualTo(20);
            assertThat(data.path("participants")).hasSize(1);
            assertThat(data.path("participants").get(0).path("personId").asString()).isEqualTo(came.toString());
            assertThat(data.path("participants").get(0).path("kind").asString()).isEqualTo("PARTY_MEMBER");
        }
    }

    @Test
    void a_volunteer_known_to_the_committee_signs_up_and_is_credited_as_a_volunteer() {
        Committee committee = committee(1, 0);
        String id = plan(committee, NOW.minus(1, ChronoUnit.HOURS), 5);
        UUID volunteer = feed.volunteer(committee.community());
        awaitCount("select count(*) from volunteer where id = :id", volunteer, 1);
        String token = token(TokenRequest.of("volunteer-" + volunteer, "VOLUNTEER").withMember(volunteer.toString()));
        String stranger = token(TokenRequest.of("volunteer-x", "VOLUNTEER").withMember(UUID.randomUUID().toString()));

        post("/api/activities/" + id + "/registrations", stranger, null).expectStatus().isForbidden();
        JsonNode registered = body(post("/api/activities/" + id + "/registrations", token, null).expectStatus().isCreated());
        assertThat(registered.path("kind").asString()).isEqualTo("VOLUNTEER");
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        post("/api/activities/" + id + "/check-ins", admin, Map.of("personId", volunteer)).expectStatus().isOk();
        post("/api/activities/" + id + "/complete", admin, null).expectStatus().isOk();

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<ConsumerRecord<String, byte[]>> published = events.settle(record ->
                    "org.gridgov.activity.completed.v1".equals(KafkaTopicReader.header(record, "ce_type"))
                            && KafkaTopicReader.value(record).contains(id), Duration.ofSeconds(3));
            assertThat(published).hasSize(1);
            JsonNode participant = json.readTree(KafkaTopicReader.value(published.get(0))).path("participants").get(0);
            assertThat(participant.path("kind").asString()).isEqualTo("VOLUNTEER");
            assertThat(participant.path("personId").asString()).isEqualTo(volunteer.toString());
        }
    }

    @Test
    void a_registration_is_cancelled_before_the_start_freeing_its_place_and_not_after() {
        Committee committee = committee(1, 0);
        String upcoming = plan(committee, NOW.plus(3, ChronoUnit.DAYS), 1);
        String started = plan(committee, NOW.minus(1, ChronoUnit.HOURS), 5);
        UUID first = member(committee);
        UUID second = member(committee);
        post("/api/activities/" + upcoming + "/registrations", memberToken(first), null).expectStatus().isCreated();
        post("/api/activities/" + upcoming + "/registrations", memberToken(second), null).expectStatus().isEqualTo(409);

        web.delete().uri("/api/activities/" + upcoming + "/registrations/" + first)
                .headers(h -> h.setBearerAuth(memberToken(first))).exchange().expectStatus().isNoContent();
        post("/api/activities/" + upcoming + "/registrations", memberToken(second), null).expectStatus().isCreated();

        post("/api/activities/" + started + "/registrations", memberToken(first), null).expectStatus().isCreated();
        web.delete().uri("/api/activities/" + started + "/registrations/" + first)
                .headers(h -> h.setBearerAuth(memberToken(first))).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void bad_plans_are_refused_naming_the_field_and_only_admins_plan() {
        Committee committee = committee(1, 0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        Map<String, Object> backwards = new HashMap<>(activity(committee, NOW.plus(1, ChronoUnit.DAYS), 5));
        backwards.put("endsAt", NOW.toString());
        JsonNode refused = body(post("/api/activities", admin, backwards).expectStatus().isBadRequest());
        assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("endsAt");

        Map<String, Object> strangers = new HashMap<>(activity(committee, NOW.plus(1, ChronoUnit.DAYS), 5));
        strangers.put("organiserUnitIds", List.of(UUID.randomUUID()));
        JsonNode unknown = body(post("/api/activities", admin, strangers).expectStatus().is4xxClientError());
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("organiserUnitIds[0]");

        Map<String, Object> noPlaces = new HashMap<>(activity(committee, NOW.plus(1, ChronoUnit.DAYS), 5));
        noPlaces.put("capacity", 0);
        JsonNode invalid = body(post("/api/activities", admin, noPlaces).expectStatus().isBadRequest());
        assertThat(invalid.path("errors").get(0).path("field").asString()).isEqualTo("capacity");

        post("/api/activities", unitToken(committee.units().get(0)), activity(committee, NOW, 5)).expectStatus().isForbidden();
        post("/api/activities/" + UUID.randomUUID() + "/registrations", memberToken(member(committee)), null)
                .expectStatus().isNotFound();
        String id = plan(committee, NOW.plus(1, ChronoUnit.DAYS), 5);
        post("/api/activities/" + id + "/registrations", resident(committee.place().grid()), null).expectStatus().isForbidden();
    }

    @Test
    void the_people_signed_up_are_put_in_teams_by_their_grid_for_the_grid_staff_to_lead() {
        Committee committee = committee(2, 0);
        UUID home = committee.place().grid();
        UUID second = feed.grid(committee.place(), "二网格");
        awaitCount("select count(*) from kit_grid_node where id = :id", second, 1);
        String id = plan(committee, NOW.plus(1, ChronoUnit.DAYS), 10);
        List<UUID> ofHome = List.of(feed.member(committee.place(), home), feed.member(committee.place(), home),
                feed.member(committee.place(), home));
        UUID ofSecond = feed.member(committee.place(), second);
        UUID volunteer = feed.volunteer(committee.community());
        for (UUID member : ofHome) {
            awaitCount("select count(*) from member where id = :id and grid_id is not null", member, 1);
            post("/api/activities/" + id + "/registrations", memberToken(member), null).expectStatus().isCreated();
        }
        awaitCount("select count(*) from member where id = :id and grid_id is not null", ofSecond, 1);
        post("/api/activities/" + id + "/registrations", memberToken(ofSecond), null).expectStatus().isCreated();
        awaitCount("select count(*) from volunteer where id = :id", volunteer, 1);
        post("/api/activities/" + id + "/registrations", token(TokenRequest.of("volunteer-" + volunteer, "VOLUNTEER")
                .withMember(volunteer.toString())), null).expectStatus().isCreated();
        String staff = token(TokenRequest.of("staff-" + home, "GRID_STAFF").withJurisdiction(home.toString()));

        JsonNode teams = body(web.get().uri("/api/activities/" + id + "/teams?size=2").headers(h -> h.setBearerAuth(staff))
                .exchange().expectStatus().isOk());

        String homeName = teams.get(0).path("gridName").asString();
        assertThat(teams.findValuesAsString("name")).containsExactly(homeName + "第1队", homeName + "第2队", "二网格第1队",
                "社区志愿者第1队");
        assertThat(teams.get(0).path("people").findValuesAsString("personId"))
                .containsExactly(ofHome.get(0).toString(), ofHome.get(1).toString());
        assertThat(teams.get(1).path("people").findValuesAsString("personId")).containsExactly(ofHome.get(2).toString());
        assertThat(teams.get(2).path("gridId").asString()).isEqualTo(second.toString());
        assertThat(teams.get(3).path("people").get(0).path("kind").asString()).isEqualTo("VOLUNTEER");
        assertThat(body(web.get().uri("/api/activities/" + id + "/teams").headers(h -> h.setBearerAuth(
                admin("COMMUNITY_ADMIN", committee.community()))).exchange().expectStatus().isOk()))
                .hasSize(3);
        web.get().uri("/api/activities/" + id + "/teams").headers(h -> h.setBearerAuth(unitToken(committee.units().get(1))))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/activities/" + id + "/teams").headers(h -> h.setBearerAuth(memberToken(ofSecond)))
                .exchange().expectStatus().isForbidden();
        JsonNode tooSmall = body(web.get().uri("/api/activities/" + id + "/teams?size=1").headers(h -> h.setBearerAuth(staff))
                .exchange().expectStatus().isBadRequest());
        assertThat(tooSmall.path("errors").findValuesAsString("field")).containsExactly("size");
    }

    private String plan(Committee committee, Instant startsAt, int capacity) {
        return body(post("/api/activities", admin("COMMUNITY_ADMIN", committee.community()),
                activity(committee, startsAt, capacity)).expectStatus().isCreated()).path("id").asString();
    }

    private static Map<String, Object> activity(Committee committee, Instant startsAt, int capacity) {
        return Map.of("communityId", committee.community(), "title", "银龄先锋义诊", "kind", "VOLUNTEER_SERVICE",
                "startsAt", startsAt.toString(), "endsAt", startsAt.plus(3, ChronoUnit.HOURS).toString(),
                "place", "社区党群服务中心", "capacity", capacity, "hours", 2.5, "points", 20,
                "organiserUnitIds", List.of(committee.units().get(0)));
    }

    private UUID member(Committee committee) {
        UUID member = feed.member(committee.community());
        awaitCount("select count(*) from member where id = :id", member, 1);
        return member;
    }

    private static String memberToken(UUID member) {
        return token(TokenRequest.of("member-" + member, "PARTY_MEMBER").withMember(member.toString()));
    }
}
