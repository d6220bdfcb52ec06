package org.gridgov.fieldwork.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.fieldwork.FieldworkIntegrationTest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * A day of field work on real PostgreSQL and Kafka: a patrol with check-ins whose finding becomes a case in one
 * step, visits to households logged in the work log, and the coverage of a grid's households.
 */
@Import(TestClock.Config.class)
class FieldWorkIT extends FieldworkIntegrationTest {

    @Autowired
    TestClock clock;

    @Test
    void a_patrol_checks_in_turns_a_finding_into_a_case_in_one_step_and_ends_in_the_work_log() {
        clock.set(Instant.parse("2026-03-10T01:00:00Z"));
        Place place = place();
        String patroller = as("GRID_STAFF", place.grid());
        String otherStaff = token(org.gridgov.infra.TokenRequest.of("other-staff", "GRID_STAFF")
                .withJurisdiction(place.grid().toString()));

        post("/api/patrols", as("GRID_STAFF", place().grid()), Map.of("gridId", place.grid())).expectStatus().isForbidden();
        assertThat(body(post("/api/patrols", patroller, Map.of()).expectStatus().isBadRequest())
                .path("errors").get(0).path("field").asString()).isEqualTo("gridId");
        JsonNode started = body(post("/api/patrols", patroller, Map.of("gridId", place.grid())).expectStatus().isCreated());
        UUID patrol = UUID.fromString(started.path("id").asString());
        assertThat(started.path("status").asString()).isEqualTo("IN_PROGRESS");

        clock.set(Instant.parse("2026-03-10T01:20:00Z"));
        post("/api/patrols/" + patrol + "/check-ins", patroller, Map.of("place", "太平街北口", "lat", 29.7, "long", 107.4))
                .expectStatus().isCreated();
        post("/api/patrols/" + patrol + "/check-ins", patroller, Map.of("place", "农贸市场", "at", "2026-03-10T01:10:00Z"))
                .expectStatus().isCreated();
        assertThat(body(post("/api/patrols/" + patrol + "/check-ins", patroller, Map.of("place", "菜市场",
                "at", "2026-03-09T23:00:00Z")).expectStatus().isBadRequest()).path("errors").get(0).path("field").asString())
                .as("before the patrol started").isEqualTo("at");
        assertThat(body(post("/api/patrols/" + patrol + "/check-ins", patroller, Map.of("place", "菜市场", "lat", 95, "long", 1))
                .expectStatus().isBadRequest()).path("errors").get(0).path("field").asString()).isEqualTo("lat");
        post("/api/patrols/" + patrol + "/check-ins", otherStaff, Map.of("place", "别人的巡查")).expectStatus().isForbidden();
        post("/api/patrols/" + patrol + "/check-ins", as("GRID_STAFF", place().grid()), Map.of("place", "外人"))
                .expectStatus().isNotFound();

        assertThat(body(post("/api/patrols/" + patrol + "/findings", patroller, Map.of("description", "井盖缺失",
                "microGridId", place().microGrid())).expectStatus().isBadRequest()).path("errors").get(0).path("field")
                .asString()).as("a micro-grid outside the patrolled grid").isEqualTo("microGridId");
        JsonNode finding = body(post("/api/patrols/" + patrol + "/findings", patroller, Map.of("description", "井盖缺失",
                "photoUrl", "https://photos.example/manhole.jpg", "microGridId", place.microGrid(), "category", "SAFETY",
                "severity", "URGENT")).expectStatus().isCreated());
        UUID caseId = UUID.fromString(finding.path("caseId").asString());
        JsonNode reported = get("/api/cases/" + caseId, as("COMMUNITY_ADMIN", place.community()));
        assertThat(reported.path("source").asString()).isEqualTo("PATROL");
        assertThat(reported.path("patrolId").asString()).isEqualTo(patrol.toString());
        assertThat(reported.path("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.path("photoUrls").get(0).asString()).isEqualTo("https://photos.example/manhole.jpg");

        clock.set(Instant.parse("2026-03-10T02:35:00Z"));
        JsonNode ended = body(post("/api/patrols/" + patrol + "/end", patroller, null).expectStatus().isOk());
        assertThat(ended.path("status").asString()).isEqualTo("ENDED");
        assertThat(ended.path("checkIns").asInt()).isEqualTo(2);
        assertThat(ended.path("findings").asInt()).isEqualTo(1);
        assertThat(ended.path("places")).extracting(p -> p.path("place").asString()).containsExactly("太平街北口", "农贸市场");
        post("/api/patrols/" + patrol + "/end", patroller, null).expectStatus().isEqualTo(409);
        post("/api/patrols/" + patrol + "/check-ins", patroller, Map.of("place", "晚了")).expectStatus().isEqualTo(409);

        assertThat(get("/api/patrols?node=" + place.community() + "&from=2026-03-10&to=2026-03-10",
                as("COMMUNITY_ADMIN", place.community()))).extracting(p -> p.path("id").asString())
                .containsExactly(patrol.toString());
        JsonNode log = get("/api/visits/work-log?date=2026-03-10", patroller);
        assertThat(log.path("patrols")).hasSize(1);
        assertThat(log.path("minutesPatrolling").asLong()).isEqualTo(95);

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<JsonNode> ofPatrol = events.settle(record -> patrol.toString().equals(record.key()), Duration.ofSeconds(3))
                    .stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(ofPatrol).hasSize(2);
            assertThat(ofPatrol.get(1).path("checkIns").asInt()).isEqualTo(2);
            assertThat(ofPatrol.get(1).path("findings").asInt()).isEqualTo(1);
            assertThat(ofPatrol.get(1).path("minutes").asInt()).isEqualTo(95);
        }
    }

    @Test
    void a_work_log_day_is_a_day_in_the_communitys_time_zone() {
        clock.set(Instant.parse("2026-03-12T02:00:00Z"));
        Place place = place();
        String staff = as("GRID_STAFF", place.grid());
        UUID household = household(place.microGrid());
        // 01:30 in Shanghai on the 11th is still the 10th in UTC
        post("/api/visits", staff, Map.of("householdId", household, "kind", "ROUTINE", "note", "清晨走访",
                "visitedAt", "2026-03-10T17:30:00Z")).expectStatus().isCreated();
        assertThat(get("/api/visits/work-log?date=2026-03-11", staff).path("visits")).hasSize(1);
        assertThat(get("/api/visits/work-log?date=2026-03-10", staff).path("visits")).isEmpty();
    }

    @Test
    void visits_are_logged_by_the_grids_staff_and_the_communitys_party_members_and_counted_in_the_coverage() {
        clock.set(Instant.parse("2026-03-11T02:00:00Z"));
        Place place = place();
        UUID first = household(place.microGrid());
        UUID second = household(place.microGrid());
        household(place.microGrid());
        UUID other = household(place.otherMicroGrid());
        String staff = as("GRID_STAFF", place.grid());
        UUID memberId = partyMemberOf(place.community(), place.grid());
        String member = token(org.gridgov.infra.TokenRequest.of("member-" + memberId, "PARTY_MEMBER")
                .withMember(memberId.toString()));

        String key = UUID.randomUUID().toString();
        JsonNode visit = body(post("/api/visits", staff, Map.of("householdId", first, "kind", "ROUTINE",
                "note", "走访了解用水情况", "findings", List.of("楼道灯坏了")), key).expectStatus().isCreated());
        post("/api/visits", staff, Map.of("householdId", first, "kind", "ROUTINE", "note", "走访了解用水情况",
                "findings", List.of("楼道灯坏了")), key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(visit.path("microGridId").asString()).isEqualTo(place.microGrid().toString());
        post("/api/visits", staff, Map.of("householdId", first, "kind", "CARE", "note", "再次回访")).expectStatus().isCreated();
        post("/api/visits", member, Map.of("householdId", second, "kind", "CARE", "note", "看望独居老人"))
                .expectStatus().isCreated();
        post("/api/visits", as("GRID_STAFF", place().grid()), Map.of("householdId", other, "kind", "ROUTINE", "note", "x"))
                .expectStatus().isForbidden();
        assertThat(body(post("/api/visits", staff, Map.of("householdId", UUID.randomUUID(), "kind", "ROUTINE",
                "note", "x")).expectStatus().isBadRequest()).path("errors").get(0).path("field").asString())
                .isEqualTo("householdId");
        assertThat(body(post("/api/visits", staff, Map.of("householdId", first, "kind", "GOSSIP", "note", "x"))
                .expectStatus().isBadRequest()).path("errors").get(0).path("field").asString()).isEqualTo("kind");
        assertThat(body(post("/api/visits", staff, Map.of("householdId", first, "kind", "ROUTINE", "note", "x",
                "visitedAt", "2026-03-12T02:00:00Z")).expectStatus().isBadRequest()).path("errors").get(0).path("field")
                .asString()).as("a visit in the future").isEqualTo("visitedAt");

        String admin = as("COMMUNITY_ADMIN", place.community());
        assertThat(get("/api/visits?node=" + place.grid() + "&from=2026-03-11&to=2026-03-11", admin)).hasSize(3);
        assertThat(get("/api/visits?node=" + place.grid() + "&from=2026-03-11&to=2026-03-11&staff=member-" + memberId, admin))
                .hasSize(1);
        getting("/api/visits?node=" + place.grid() + "&from=2026-03-11&to=2026-03-11", as("GRID_STAFF", place().grid()))
                .expectStatus().isForbidden();

        JsonNode coverage = get("/api/visits/coverage?node=" + place.grid() + "&from=2026-03-01&to=2026-03-31", admin);
        JsonNode visited = null;
        JsonNode untouched = null;
        for (JsonNode microGrid : coverage.path("microGrids")) {
            if (microGrid.path("microGridId").asString().equals(place.microGrid().toString())) {
                visited = microGrid;
            } else if (microGrid.path("microGridId").asString().equals(place.otherMicroGrid().toString())) {
                untouched = microGrid;
            }
        }
        assertThat(visited.path("households").asLong()).isEqualTo(3);
        assertThat(visited.path("visited").asLong()).isEqualTo(2);
        assertThat(visited.path("share").asDouble()).isEqualTo(0.667);
        assertThat(untouched.path("households").asLong()).isEqualTo(1);
        assertThat(untouched.path("visited").asLong()).isZero();
        assertThat(coverage.path("staff")).extracting(s -> s.path("staff").asString() + ":" + s.path("visits").asLong()
                + "/" + s.path("households").asLong())
                .containsExactlyInAnyOrder("grid_staff-" + place.grid() + ":2/1", "member-" + memberId + ":1/1");

        JsonNode log = get("/api/visits/work-log?date=2026-03-11", staff);
        assertThat(log.path("visits")).hasSize(2);
        assertThat(log.path("visits").get(0).path("findings").get(0).asString()).isEqualTo("楼道灯坏了");

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<JsonNode> visits = events.settle(record -> KafkaTopicReader.header(record, "ce_type").endsWith("visit.recorded.v1"),
                            Duration.ofSeconds(3)).stream().map(record -> json.readTree(KafkaTopicReader.value(record)))
                    .filter(e -> e.path("communityId").asString().equals(place.community().toString())).toList();
            assertThat(visits).as("one event per visit, the retried one not twice").hasSize(3);
            assertThat(visits.toString()).as("no notes or findings in events").doesNotContain("用水", "楼道灯", "老人");
        }
    }
}
