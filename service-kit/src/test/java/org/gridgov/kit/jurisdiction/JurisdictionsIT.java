package org.gridgov.kit.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;

/** The grid tree read model is fed from grid.events and answers "is this inside the caller's jurisdiction". */
@TestPropertySource(properties = "gridgov.grid-tree.enabled=true")
class JurisdictionsIT extends ServiceIntegrationTest {

    static final UUID district = UUID.randomUUID();
    static final UUID street = UUID.randomUUID();
    static final UUID community = UUID.randomUUID();
    static final UUID otherCommunity = UUID.randomUUID();
    static final UUID grid = UUID.randomUUID();
    static final UUID microGrid = UUID.randomUUID();

    @Autowired
    Jurisdictions jurisdictions;
    @Autowired
    GridTree tree;

    @BeforeAll
    static void publishTree() {
        infrastructure().kafka().createTopics(Set.of("grid.events", "grid.events.dlt"), 3);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure().kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(node(district, "DISTRICT", "涪陵区"));
            producer.send(node(street, "STREET", "敦仁街道", district));
            producer.send(node(community, "COMMUNITY", "太平街社区", district, street));
            producer.send(node(otherCommunity, "COMMUNITY", "另一个社区", district, street));
            producer.send(node(grid, "GRID", "第一网格", district, street, community));
            producer.send(node(microGrid, "MICRO_GRID", "第一微网格", district, street, community, grid));
        }
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> node(UUID id, String kind,
                                                                                         String name, UUID... path) {
        List<String> ancestors = new ArrayList<>();
        for (UUID ancestor : path) {
            ancestors.add("\"" + ancestor + "\"");
        }
        String parent = path.length == 0 ? "" : ",\"parentId\":\"" + path[path.length - 1] + "\"";
        String data = "{\"nodeId\":\"" + id + "\",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"path\":"
                + ancestors + parent + (kind.equals("GRID") ? ",\"gridKind\":\"RESIDENTIAL\"" : "")
                + ",\"occurredAt\":\"" + Instant.now() + "\"}";
        return CloudEventKafka.toRecord("grid.events", new CloudEvent(UUID.randomUUID().toString(),
                "org.gridgov.gridnode.created.v1", "grid-service", id.toString(), Instant.now(), Optional.empty(), data));
    }

    private static Caller staffOf(UUID jurisdiction) {
        return new Caller("staff", Set.of(Role.GRID_STAFF), Optional.of(jurisdiction.toString()), Optional.empty(),
                Optional.empty(), Set.of());
    }

    /** Each node is its own Kafka key, so the nodes may arrive in any order: wait for all of them. */
    private void treeIsBuilt() {
        await().atMost(Duration.ofSeconds(60)).until(() -> Flux.just(district, street, community, otherCommunity, grid,
                microGrid).flatMap(tree::find).count().block() == 6);
    }

    @Test
    void a_community_admin_covers_the_grids_and_micro_grids_of_the_community() {
        treeIsBuilt();
        assertThat(jurisdictions.covers(staffOf(community), microGrid).block()).isTrue();
        assertThat(jurisdictions.covers(staffOf(community), grid).block()).isTrue();
        assertThat(jurisdictions.covers(staffOf(community), community).block()).isTrue();
    }

    @Test
    void nothing_outside_the_jurisdiction_is_covered() {
        treeIsBuilt();
        assertThat(jurisdictions.covers(staffOf(otherCommunity), microGrid).block()).isFalse();
        assertThat(jurisdictions.covers(staffOf(grid), community).block()).isFalse();
        assertThat(jurisdictions.covers(staffOf(community), UUID.randomUUID()).block()).isFalse();
        assertThat(jurisdictions.covers(new Caller("resident", Set.of(Role.RESIDENT), Optional.empty(),
                Optional.empty(), Optional.empty(), Set.of()), microGrid).block()).isFalse();
    }

    @Test
    void the_community_of_a_micro_grid_is_found_up_the_tree() {
        treeIsBuilt();
        assertThat(tree.ancestorOfKind(microGrid, "COMMUNITY").block().id()).isEqualTo(community);
        assertThat(tree.ancestorOfKind(microGrid, "MICRO_GRID").block().id()).isEqualTo(microGrid);
        assertThat(tree.find(grid).block().gridKind()).contains("RESIDENTIAL");
    }
}
