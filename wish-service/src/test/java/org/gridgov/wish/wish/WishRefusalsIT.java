package org.gridgov.wish.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Every refused command: the wrong actor (403, or 404 when they may not even know the wish), the
 * wrong state (409), outside the jurisdiction (404), bad input (400/422). Always problem+json, and
 * the wish, its history and wish.events stay as they were.
 */
class WishRefusalsIT extends WishIntegrationTest {

    private static void problem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/" + type)
                .jsonPath("$.status").isEqualTo(status);
    }

    /**
     * What a refusal must leave alone: the status, the history, and the events published for the
     * wish (those of the ordinary path to its status, and nothing else).
     */
    private void unchanged(String token, UUID wish, String status, int historyEntries) {
        assertThat(getJson(token, "/api/wishes/" + wish).get("status").asString()).isEqualTo(status);
        assertThat(getJson(token, "/api/wishes/" + wish + "/history").get("items")).hasSize(historyEntries);
        assertThat(settledTransitionEvents(wish)).containsExactlyElementsOf(
                List.of("submitted", "dispatched", "claimed", "fulfilled", "closed").subList(0, historyEntries));
    }

    @Test
    void the_wrong_actors_on_a_submitted_wish_are_refused() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-wrong-actor");
        UUID wish = submit(resident, n);

        problem(command(resident, wish, "dispatch", "{}"), 403, "forbidden");
        problem(command(unit(n.unitA), wish, "dispatch", "{}"), 403, "forbidden");
        problem(command(admin("COMMUNITY_ADMIN", n.community), wish, "dispatch", "{}"), 403, "forbidden");
        problem(command(staffOf(n.otherGrid), wish, "dispatch", "{}"), 404, "not-found");
        problem(command(staffOf(n.otherGrid), wish, "reject", "{\"reason\":\"不是我们的\"}"), 404, "not-found");
        problem(command(resident("r-neighbour"), wish, "cancel", null), 404, "not-found");
        problem(get(resident("r-neighbour"), "/api/wishes/" + wish), 404, "not-found");
        problem(get(unit(n.unitElsewhere), "/api/wishes/" + wish + "/history"), 404, "not-found");
        problem(command(staffOf(n.grid), wish, "cancel", null), 403, "forbidden");
        // a role the workflow has no part for (a functional department's staff) is no one here, not an error
        String department = token(org.gridgov.infra.TokenRequest.of("department-staff", "DEPARTMENT")
                .withDepartment(UUID.randomUUID().toString()));
        problem(get(department, "/api/wishes/" + wish), 404, "not-found");
        problem(get(department, "/api/wishes/" + wish + "/history"), 404, "not-found");

        unchanged(resident, wish, "SUBMITTED", 1);
    }

    @Test
    void the_wrong_actors_on_a_dispatched_wish_are_refused() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-wrong-claim");
        UUID wish = wishAt("DISPATCHED", n, resident);

        problem(command(staffOf(n.grid), wish, "claim", null), 403, "forbidden");
        problem(command(resident, wish, "claim", null), 403, "forbidden");
        problem(command(unit(n.unitElsewhere), wish, "claim", null), 404, "not-found");
        problem(command(partyMember(UUID.randomUUID()), wish, "claim", null), 404, "not-found");

        unchanged(resident, wish, "DISPATCHED", 2);
    }

    @Test
    void only_the_claimer_releases_or_fulfils_and_only_the_resident_or_the_grid_closes() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-wrong-claimer");
        UUID wish = wishAt("FULFILLED", n, resident);

        problem(command(unit(n.unitA), wish, "close", "{\"rating\":5}"), 403, "forbidden");
        problem(command(unit(n.unitB), wish, "close", "{\"rating\":5}"), 403, "forbidden");
        problem(command(staffOf(n.otherGrid), wish, "close", "{\"rating\":5}"), 404, "not-found");

        UUID claimed = wishAt("CLAIMED", n, resident);
        problem(command(unit(n.unitB), claimed, "release", "{\"reason\":\"不是我的\"}"), 403, "forbidden");
        problem(command(unit(n.unitB), claimed, "fulfil", "{\"note\":\"不是我的\"}"), 403, "forbidden");
        problem(command(staffOf(n.grid), claimed, "fulfil", "{\"note\":\"替他报\"}"), 403, "forbidden");

        unchanged(resident, wish, "FULFILLED", 4);
        unchanged(resident, claimed, "CLAIMED", 3);
    }

    @Test
    void commands_in_the_wrong_state_are_conflicts() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-wrong-state");
        UUID submitted = submit(resident, n);
        UUID dispatched = wishAt("DISPATCHED", n, resident);
        UUID claimed = wishAt("CLAIMED", n, resident);

        problem(command(unit(n.unitA), submitted, "claim", null), 409, "conflict");
        problem(command(resident, submitted, "close", "{\"rating\":5}"), 409, "conflict");
        problem(command(staffOf(n.grid), dispatched, "dispatch", "{}"), 409, "conflict");
        problem(command(staffOf(n.grid), dispatched, "reject", "{\"reason\":\"晚了\"}"), 409, "conflict");
        problem(command(unit(n.unitB), claimed, "claim", null), 409, "conflict");
        problem(command(unit(n.unitA), claimed, "claim", null), 409, "conflict");
        problem(command(resident, claimed, "close", "{\"rating\":5}"), 409, "conflict");
        problem(command(resident, dispatched, "close", "{\"rating\":5}"), 409, "conflict");

        UUID fulfilled = wishAt("FULFILLED", n, resident);
        problem(command(unit(n.unitA), fulfilled, "fulfil", "{\"note\":\"再报一次\"}"), 409, "conflict");
        problem(command(unit(n.unitA), fulfilled, "release", "{\"reason\":\"晚了\"}"), 409, "conflict");
        problem(command(resident, fulfilled, "cancel", null), 409, "conflict");

        unchanged(resident, submitted, "SUBMITTED", 1);
        unchanged(resident, dispatched, "DISPATCHED", 2);
        unchanged(resident, claimed, "CLAIMED", 3);
        unchanged(resident, fulfilled, "FULFILLED", 4);
    }

    @Test
    void nothing_moves_a_closed_wish() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-closed");
        UUID wish = wishAt("CLOSED", n, resident);

        problem(command(staffOf(n.grid), wish, "dispatch", "{}"), 409, "conflict");
        problem(command(staffOf(n.grid), wish, "reject", "{\"reason\":\"晚了\"}"), 409, "conflict");
        problem(command(unit(n.unitB), wish, "claim", null), 409, "conflict");
        problem(command(unit(n.unitA), wish, "release", "{\"reason\":\"晚了\"}"), 409, "conflict");
        problem(command(unit(n.unitA), wish, "fulfil", "{\"note\":\"again\"}"), 409, "conflict");
        problem(command(resident, wish, "close", "{\"rating\":1}"), 409, "conflict");
        problem(command(resident, wish, "cancel", null), 409, "conflict");

        unchanged(resident, wish, "CLOSED", 5);
    }

    @Test
    void nothing_moves_a_rejected_or_cancelled_wish() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-ended");
        UUID rejected = submit(resident, n);
        command(staffOf(n.grid), rejected, "reject", "{\"reason\":\"不属于微心愿范围\"}").expectStatus().isOk();
        UUID cancelled = wishAt("DISPATCHED", n, resident);
        command(resident, cancelled, "cancel", null).expectStatus().isOk();

        for (UUID ended : List.of(rejected, cancelled)) {
            problem(command(staffOf(n.grid), ended, "dispatch", "{}"), 409, "conflict");
            problem(command(staffOf(n.grid), ended, "reject", "{\"reason\":\"再拒一次\"}"), 409, "conflict");
            problem(command(unit(n.unitA), ended, "claim", null), 409, "conflict");
            problem(command(resident, ended, "close", "{\"rating\":5}"), 409, "conflict");
            problem(command(resident, ended, "cancel", null), 409, "conflict");
        }

        assertThat(getJson(resident, "/api/wishes/" + rejected).get("status").asString()).isEqualTo("REJECTED");
        assertThat(getJson(resident, "/api/wishes/" + cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(getJson(resident, "/api/wishes/" + rejected + "/history").get("items")).hasSize(2);
        assertThat(getJson(resident, "/api/wishes/" + cancelled + "/history").get("items")).hasSize(3);
        assertThat(settledTransitionEvents(rejected)).containsExactly("submitted", "rejected");
        assertThat(settledTransitionEvents(cancelled)).containsExactly("submitted", "dispatched", "cancelled");
    }

    @Test
    void bad_orders_are_400_problems_and_store_nothing() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-bad-input-" + n.community);
        String good = wishBody(n.address);

        problem(post(resident, "/api/wishes", good.replace("\"category\":\"ELDERLY_CARE\",", ""), null), 400, "invalid-request");
        problem(post(resident, "/api/wishes", good.replace("ELDERLY_CARE", "FLYING_CARS"), null), 400, "invalid-request");
        problem(post(resident, "/api/wishes", good.replace(PHONE, "call me"), null), 400, "invalid-request");
        problem(post(resident, "/api/wishes", good.replace("帮独居老人买菜", "菜".repeat(101)), null), 400, "invalid-request");
        problem(post(resident, "/api/wishes", good.replace("}", ",\"wantedBy\":\"2001-01-01T00:00:00Z\"}"), null),
                400, "invalid-request");
        problem(post(resident, "/api/wishes", good.replace("}", ",\"wantedBy\":\"next tuesday\"}"), null),
                400, "invalid-request");
        problem(post(resident, "/api/wishes", "{\"category\":", null), 400, "invalid-request");
        problem(post(resident, "/api/wishes", good, "this key has spaces"), 400, "invalid-request");
        problem(post(resident, "/api/wishes", wishBody("火星基地1号"), null), 422, "address-not-resolved");

        UUID wish = submit(resident, n);
        problem(command(resident, wish, "close", "{\"rating\":9}"), 400, "invalid-request");
        problem(command(staffOf(n.grid), wish, "reject", "{\"reason\":\" \"}"), 400, "invalid-request");
        problem(command(staffOf(n.grid), wish, "dispatch", "{\"candidateUnits\":[\"not-a-uuid\"]}"), 400, "invalid-request");
        problem(command(staffOf(n.grid), UUID.randomUUID(), "dispatch", "{}"), 404, "not-found");
        problem(post(staffOf(n.grid), "/api/wishes/not-a-uuid/dispatch", "{}", null), 400, "invalid-request");

        JsonNode mine = getJson(resident, "/api/wishes");
        assertThat(mine.get("items")).as("only the one good order was stored").hasSize(1);
        unchanged(resident, wish, "SUBMITTED", 1);
    }

    @Test
    void a_bad_order_names_each_offending_field_and_what_it_expects() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-fields-" + n.community);
        String good = wishBody(n.address);

        post(resident, "/api/wishes", good.replace("ELDERLY_CARE", "FLYING_CARS"), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("category")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("expected one of ")
                        .contains("ELDERLY_CARE"));
        post(resident, "/api/wishes", good.replace("}", ",\"wantedBy\":\"next tuesday\"}"), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("wantedBy")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("2027-01-31"));
        post(resident, "/api/wishes", good.replace(PHONE, "call me").replace("帮独居老人买菜", " "), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'contactPhone')]").exists()
                .jsonPath("$.errors[?(@.field == 'title')]").exists();
        UUID wish = submit(resident, n);
        command(staffOf(n.grid), wish, "dispatch", "{\"candidateUnits\":[\"" + n.unitA + "\",\"not-a-uuid\"]}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("candidateUnits[1]")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("expected a UUID"));
        command(resident, wish, "close", "{\"rating\":\"five\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rating")
                .jsonPath("$.errors[0].message").isEqualTo("expected a whole number");
        unchanged(resident, wish, "SUBMITTED", 1);
    }

    @Test
    void units_and_members_that_name_nobody_are_refused_with_422_naming_each_and_nothing_changes() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-nobody-" + n.community);
        UUID wish = submit(resident, n);
        UUID noUnit = UUID.randomUUID();
        UUID nobody = UUID.randomUUID();

        command(staffOf(n.grid), wish, "dispatch", "{\"candidateUnits\":[\"" + n.unitA + "\",\"" + noUnit + "\"]}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/unknown-reference")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("candidateUnits[1]")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains(noUnit.toString()));
        unchanged(resident, wish, "SUBMITTED", 1);

        command(staffOf(n.grid), wish, "dispatch", "{\"candidateUnits\":[\"" + n.unitA + "\"]}").expectStatus().isOk();
        command(unit(n.unitA), wish, "claim", null).expectStatus().isOk();
        command(unit(n.unitA), wish, "fulfil", "{\"note\":\"送到家\",\"servedMemberIds\":[\"" + nobody + "\",\""
                + n.member + "\",\"" + n.unitA + "\"]}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://gridgov.org/problems/unknown-reference")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("servedMemberIds[0]")
                // a unit is not a party member
                .jsonPath("$.errors[1].field").isEqualTo("servedMemberIds[2]");
        unchanged(resident, wish, "CLAIMED", 3);

        command(unit(n.unitA), wish, "fulfil", "{\"note\":\"送到家\",\"servedMemberIds\":[\"" + n.member + "\"]}")
                .expectStatus().isOk();
    }

    @Test
    void a_client_app_needs_the_scopes_for_what_it_does() {
        Neighbourhood n = neighbourhood();
        problem(post(clientApp("grid:resolve"), "/api/wishes", wishBody(n.address), null), 403, "forbidden");

        String app = clientApp("wishes:read wishes:write");
        UUID wish = submit(app, n);
        JsonNode seen = getJson(app, "/api/wishes/" + wish);
        assertThat(seen.get("resident").get("masked").asBoolean()).as("an app is not the resident").isTrue();
        problem(get(clientApp("wishes:write"), "/api/wishes/" + wish), 403, "forbidden");
    }
}
