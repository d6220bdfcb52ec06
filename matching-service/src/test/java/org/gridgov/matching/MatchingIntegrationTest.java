package org.gridgov.matching;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service against real Kafka and PostgreSQL, fed with real CloudEvents from the other services' topics. */
public abstract class MatchingIntegrationTest extends ServiceIntegrationTest {

    protected static EventFeed feed;

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient db;

    @BeforeAll
    static void openFeed() {
        feed = new EventFeed(infrastructure().kafka().bootstrapServers());
    }

    @AfterAll
    static void closeFeed() {
        feed.close();
    }

    protected static String staffOf(UUID grid) {
        return token(TokenRequest.of("staff-" + grid, "GRID_STAFF").withJurisdiction(grid.toString()));
    }

    protected static String admin(String role, UUID node) {
        return token(TokenRequest.of(role.toLowerCase() + "-" + node, role).withJurisdiction(node.toString()));
    }

    /** Waits until the read model has applied what the test published: {@code sql} counts to {@code expected}. */
    protected void awaitCount(String sql, Object bound, long expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                db.sql(sql).bind("id", bound).map(row -> row.get(0, Long.class)).one().block() == expected);
    }

    /** Waits until the community's grid tree, units, resource lists and members are in the read model. */
    protected void awaitCommunity(EventFeed.CommunityTree tree, long units, long members) {
        awaitCount("select count(*) from kit_grid_node where :id = any(path)", tree.community(),
                tree.grids().size() + tree.microGrids().values().stream().mapToLong(java.util.List::size).sum());
        awaitCount("select count(*) from unit u where u.community_ids @> array[:id]::uuid[] and exists "
                + "(select 1 from resource_list l where l.unit_id = u.id)", tree.community(), units);
        awaitCount("select count(*) from party_member where community_ids @> array[:id]::uuid[]", tree.community(), members);
    }
}
