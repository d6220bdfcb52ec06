package org.gridgov.matching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.test.RealInfrastructure;
import org.gridgov.matching.EventFeed.CommunityTree;
import org.gridgov.matching.EventFeed.Item;
import org.gridgov.matching.MatchingIntegrationTest;
import org.gridgov.matching.MatchingServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A new instance on an empty database rebuilds its read models from the topics and answers as the old one did. */
class RebuildIT extends MatchingIntegrationTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue();

    @Test
    void an_instance_started_on_an_empty_database_rebuilds_its_read_models_from_the_topics() {
        CommunityTree tree = feed.community(2, 2);
        feed.unit(tree.community(), "社区卫生服务中心", String.valueOf(YEAR),
                Item.of("ELDERLY_CARE", "上门探访", 2, tree.community()), Item.of("HEALTH", "义诊", 1, tree.grid(1)));
        feed.unit(tree.community(), "物业公司", String.valueOf(YEAR), Item.of("REPAIRS", "水电维修", 2, tree.grid(0)));
        feed.member(tree.community(), tree.grid(0));
        feed.needPublished(tree.community(), tree.grid(0), "ELDERLY_CARE", "HIGH", 40);
        feed.needPublished(tree.community(), tree.grid(1), "HEALTH", "NORMAL", 12);
        feed.needPublished(tree.community(), tree.grid(0), "REPAIRS", "URGENT", 90);
        feed.needPublished(tree.community(), tree.grid(1), "REPAIRS", "LOW", 3);
        awaitCommunity(tree, 2, 1);
        awaitCount("select count(*) from need where community_id = :id", tree.community(), 4);
        UUID wish = feed.wishSubmitted(tree, 0, 1, "REPAIRS");
        awaitCount("select count(*) from wish_candidates where wish_id = :id", wish, 1);
        String admin = admin("COMMUNITY_ADMIN", tree.community());
        JsonNode original = computeProjectList(web, admin, tree.community());

        try (ConfigurableApplicationContext fresh = startOnEmptyDatabase()) {
            WebTestClient freshWeb = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(60))
                    .baseUrl("http://localhost:" + ((WebServerApplicationContext) fresh).getWebServer().getPort()).build();

            JsonNode rebuilt = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> computeProjectList(freshWeb, admin, tree.community()),
                            list -> list.get("needCount").asInt() == 4 && list.get("unitCount").asInt() == 2
                                    && list.get("assignments").size() == original.get("assignments").size()
                                    && list.get("objective").get("total").asLong() == original.get("objective").get("total").asLong());

            assertThat(rebuilt.get("assignments")).isEqualTo(original.get("assignments"));
            assertThat(rebuilt.get("unmatched")).isEqualTo(original.get("unmatched"));
            freshWeb.get().uri("/api/matching/wishes/" + wish + "/candidates")
                    .headers(h -> h.setBearerAuth(staffOf(tree.grid(0)))).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.wishId").isEqualTo(wish.toString());
        }
    }

    /** The same service with a database of its own and consumer groups of its own, so it reads every topic from the start. */
    private static ConfigurableApplicationContext startOnEmptyDatabase() {
        RealInfrastructure infra = infrastructure();
        String database = infra.newDatabase("rebuild");
        // command-line arguments: they win over the service's application.yml
        return new SpringApplicationBuilder(MatchingServiceApplication.class).run(
                "--spring.application.name=matching-rebuild-" + UUID.randomUUID().toString().substring(0, 8),
                "--server.port=0",
                "--DB_HOST=" + infra.postgres().host(), "--DB_PORT=" + infra.postgres().port(), "--DB_NAME=" + database,
                "--DB_USER=" + infra.postgres().username(), "--DB_PASSWORD=" + infra.postgres().password(),
                "--KAFKA_BOOTSTRAP_SERVERS=" + infra.kafka().bootstrapServers(),
                "--OIDC_ISSUER_URI=" + infra.issuer().issuerUri(),
                "--OIDC_JWKS_URI=" + infra.issuer().issuerUri() + "/jwks");
    }

    private static JsonNode computeProjectList(WebTestClient client, String token, UUID community) {
        return client.post().uri("/api/matching/project-lists").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("communityId", community.toString(), "year", YEAR))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
