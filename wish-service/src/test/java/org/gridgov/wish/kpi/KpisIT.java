package org.gridgov.wish.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.PrometheusScrape;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The KPIs of a grid-tree node and of a unit, from wishes taken through the workflow on a controlled clock. */
class KpisIT extends WishIntegrationTest {

    @Test
    void kpis_count_the_wishes_of_the_node_and_time_each_step() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-kpi");
        Instant start = clock.instant();
        UUID closedHappy = submit(resident, n);
        UUID closedUnhappy = submit(resident, n);
        UUID neverDispatched = submit(resident, n);
        UUID rejected = submit(resident, n);
        UUID stillClaimed = submit(resident, n);

        clock.advance(Duration.ofHours(2));
        for (UUID wish : new UUID[] {closedHappy, closedUnhappy, stillClaimed}) {
            command(staffOf(n.grid), wish, "dispatch", "{}").expectStatus().isOk();
        }
        command(staffOf(n.grid), rejected, "reject", "{\"reason\":\"重复\"}").expectStatus().isOk();
        clock.advance(Duration.ofHours(3));
        for (UUID wish : new UUID[] {closedHappy, closedUnhappy, stillClaimed}) {
            command(unit(n.unitA), wish, "claim", null).expectStatus().isOk();
        }
        clock.advance(Duration.ofHours(24));
        for (UUID wish : new UUID[] {closedHappy, closedUnhappy}) {
            command(unit(n.unitA), wish, "fulfil", "{\"note\":\"完成\"}").expectStatus().isOk();
        }
        clock.advance(Duration.ofHours(1));
        command(resident, closedHappy, "close", "{\"rating\":5}").expectStatus().isOk();
        command(resident, closedUnhappy, "close", "{\"rating\":2}").expectStatus().isOk();
        // the one nobody dispatched is 30 hours old: past its 12-hour deadline, and still open

        JsonNode kpis = getJson(staffOf(n.grid), "/api/kpis?node=" + n.grid);
        assertThat(kpis.get("submitted").asLong()).isEqualTo(5);
        assertThat(kpis.get("dispatched").asLong()).isEqualTo(3);
        assertThat(kpis.get("claimed").asLong()).isEqualTo(3);
        assertThat(kpis.get("closed").asLong()).isEqualTo(2);
        assertThat(kpis.get("closedOnTime").asLong()).isEqualTo(2);
        assertThat(kpis.get("overdueOpen").asLong()).as(neverDispatched + " is overdue").isEqualTo(1);
        assertThat(kpis.get("fulfilmentRate").decimalValue()).isEqualByComparingTo("0.600");
        assertThat(kpis.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.667");
        assertThat(kpis.get("averageRating").decimalValue()).isEqualByComparingTo("3.500");
        assertThat(kpis.get("satisfaction").decimalValue()).isEqualByComparingTo("0.500");
        JsonNode medians = kpis.get("medianTimes");
        assertThat(Duration.parse(medians.get("submitToDispatch").asString())).isBetween(Duration.ofHours(2),
                Duration.ofHours(2).plusMinutes(1));
        assertThat(Duration.parse(medians.get("dispatchToClaim").asString())).isBetween(Duration.ofHours(3),
                Duration.ofHours(3).plusMinutes(1));
        assertThat(Duration.parse(medians.get("claimToFulfil").asString())).isBetween(Duration.ofHours(24),
                Duration.ofHours(24).plusMinutes(1));
        assertThat(Duration.parse(medians.get("fulfilToClose").asString())).isBetween(Duration.ofHours(1),
                Duration.ofHours(1).plusMinutes(1));

        JsonNode community = getJson(admin("COMMUNITY_ADMIN", n.community), "/api/kpis?node=" + n.community);
        assertThat(community.get("submitted").asLong()).isEqualTo(5);
        JsonNode otherGrid = getJson(staffOf(n.otherGrid), "/api/kpis?node=" + n.otherGrid);
        assertThat(otherGrid.get("submitted").asLong()).isZero();
        assertThat(otherGrid.get("fulfilmentRate").isNull()).as("no rate without wishes").isTrue();
        JsonNode before = getJson(staffOf(n.grid), "/api/kpis?node=" + n.grid + "&to=" + start.minusSeconds(60));
        assertThat(before.get("submitted").asLong()).isZero();

        JsonNode byUnit = getJson(unit(n.unitA), "/api/kpis?unit=" + n.unitA);
        assertThat(byUnit.get("claimed").asLong()).isEqualTo(3);
        assertThat(byUnit.get("closed").asLong()).isEqualTo(2);
        assertThat(getJson(admin("COMMUNITY_ADMIN", n.community), "/api/kpis?unit=" + n.unitA).get("claimed").asLong())
                .isEqualTo(3);
        assertThat(getJson(admin("COMMUNITY_ADMIN", n.otherCommunity), "/api/kpis?unit=" + n.unitA).get("claimed").asLong())
                .as("an admin sees a unit's work only within their jurisdiction").isZero();

        String community_ = n.community.toString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = PrometheusScrape.of(web);
            assertThat(metrics).contains("gridgov_wish_kpi_submitted{application=\"wish-service\",community=\"" + community_
                    + "\"} 5.0");
            assertThat(metrics).contains("gridgov_wish_kpi_fulfilment_rate{application=\"wish-service\",community=\""
                    + community_ + "\"} 0.6");
            assertThat(metrics).contains("gridgov_wish_transitions_total{action=\"CLOSED\",application=\"wish-service\","
                    + "community=\"" + community_ + "\"}");
        });
    }

    @Test
    void kpis_are_refused_outside_the_callers_reach_and_for_bad_questions() {
        Neighbourhood n = neighbourhood();
        get(staffOf(n.otherGrid), "/api/kpis?node=" + n.grid).expectStatus().isForbidden();
        get(resident("r-kpi-nosy"), "/api/kpis?node=" + n.grid).expectStatus().isForbidden();
        get(unit(n.unitB), "/api/kpis?unit=" + n.unitA).expectStatus().isForbidden();
        get(staffOf(n.grid), "/api/kpis").expectStatus().isBadRequest();
        get(staffOf(n.grid), "/api/kpis?node=" + n.grid + "&unit=" + n.unitA).expectStatus().isBadRequest();
        get(staffOf(n.grid), "/api/kpis?node=" + n.grid + "&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .expectStatus().isBadRequest();
        get(staffOf(n.grid), "/api/kpis?node=" + n.grid + "&from=last-year").expectStatus().isBadRequest();
    }

    @Test
    void an_app_granted_kpis_read_sees_the_kpis_of_its_jurisdiction_only() {
        Neighbourhood n = neighbourhood();
        String dashboard = token(TokenRequest.of(UUID.randomUUID().toString(), "CLIENT").withScope("kpis:read")
                .withJurisdiction(n.community.toString()));
        String reader = token(TokenRequest.of(UUID.randomUUID().toString(), "CLIENT").withScope("wishes:read")
                .withJurisdiction(n.community.toString()));

        assertThat(getJson(dashboard, "/api/kpis?node=" + n.grid).get("node").asString()).isEqualTo(n.grid.toString());
        get(dashboard, "/api/kpis?node=" + n.otherCommunity).expectStatus().isForbidden();
        get(reader, "/api/kpis?node=" + n.grid).expectStatus().isForbidden();
    }
}
