package org.gridgov.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.grid.importing.domain.CommunityDocuments.community;
import static org.gridgov.grid.importing.domain.CommunityDocuments.uniqueName;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withGrids;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withHouseholds;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withMicroGrids;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.Topic;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportDocument.GridRow;
import org.gridgov.grid.importing.domain.ImportDocument.HouseholdRow;
import org.gridgov.grid.importing.domain.ImportDocument.MicroGridRow;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.test.KafkaTopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * What other services learn from grid.events. The kit's grid-tree read model (what member-, wish-
 * and matching-service keep) is switched on here, to show the events suffice for their jurisdiction checks.
 */
@TestPropertySource(properties = "gridgov.grid-tree.enabled=true")
class GridEventsIT extends GridServiceTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> HOUSEHOLD_FIELDS = Set.of("householdId", "kind", "microGridId", "hubHouseholdId",
            "address", "occurredAt");

    @Autowired
    private Jurisdictions jurisdictions;

    @Autowired
    private GridTree tree;

    private final UUID districtId = UUID.randomUUID();
    private final String districtAdmin = admin("DISTRICT_ADMIN", districtId);
    private final ImportDocument document = community(new Area(districtId.toString(), uniqueName("区")),
            new Area(null, uniqueName("街道")), new Area(null, uniqueName("社区")));
    private final Map<String, UUID> nodes = new HashMap<>();
    private final Set<String> subjects = new HashSet<>();
    private KafkaTopicReader topic;

    @BeforeEach
    void importCommunity() {
        JsonNode report = importAndWait(document, districtAdmin);
        collect(get("/api/grid/nodes/" + districtId + "/tree?depth=2", districtAdmin));
        collect(get("/api/grid/nodes/" + report.get("communityId").asString() + "/tree?depth=3", districtAdmin));
        get("/api/grid/nodes/" + report.get("communityId").asString() + "/households?limit=200", districtAdmin)
                .get("items").forEach(household -> subjects.add(household.get("id").asString()));
        // started after the import: a consumer that comes later reads everything from the start
        topic = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), Topic.GRID_EVENTS.topicName());
    }

    @AfterEach
    void closeReader() {
        topic.close();
    }

    @Test
    void an_import_publishes_each_new_node_household_and_role_holder_once_keyed_by_its_aggregate() {
        List<ConsumerRecord<String, byte[]>> events = topic.await(ours(), 10 + 16 + 17, WAIT);

        assertThat(events).allSatisfy(event -> assertThat(event.key()).isEqualTo(header(event, "ce_subject")));
        assertThat(count(events, "org.gridgov.gridnode.created.v1")).isEqualTo(10);
        assertThat(count(events, "org.gridgov.household.registered.v1")).isEqualTo(16);
        assertThat(count(events, "org.gridgov.gridstaff.assigned.v1")).isEqualTo(17);
        assertThat(events).allSatisfy(event -> assertThat(header(event, "ce_source")).isEqualTo("grid-service"));
        JsonNode hub = data(events.stream().filter(event -> event.key().equals(nodes.get("H1").toString())
                && header(event, "ce_type").equals("org.gridgov.gridnode.created.v1")).findFirst().orElseThrow());
        assertThat(hub.get("kind").asString()).isEqualTo("HUB_HOUSEHOLD");
        assertThat(hub.get("path")).extracting(JsonNode::asString).containsExactly(districtId.toString(),
                nodes.get("street").toString(), nodes.get("community").toString(), nodes.get("G1").toString(),
                nodes.get("G1-1").toString());
    }

    @Test
    void every_event_matches_its_schema_and_household_events_carry_no_names_or_phones() {
        List<ConsumerRecord<String, byte[]>> events = topic.await(ours(), 43, WAIT);

        assertThat(events).allSatisfy(event ->
                assertThat(EventSchemas.validate(header(event, "ce_type"), KafkaTopicReader.value(event))).isEmpty());
        events.stream().filter(event -> header(event, "ce_type").startsWith("org.gridgov.household."))
                .map(this::data)
                .forEach(household -> assertThat(HOUSEHOLD_FIELDS).containsAll(household.propertyNames()));
    }

    @Test
    void importing_the_same_document_again_publishes_nothing_and_a_refused_one_neither() {
        topic.await(ours(), 43, WAIT);
        importAndWait(document, districtAdmin);
        importAndWait(withHouseholds(document, rows -> {
            rows.add(new HouseholdRow(null, "SHOP", "G2-1", null));
            return rows;
        }), districtAdmin);

        assertThat(topic.settle(ours(), Duration.ofSeconds(3))).hasSize(43);
    }

    @Test
    void renames_moves_staff_changes_and_retirements_are_published() {
        topic.await(ours(), 43, WAIT);
        importAndWait(withGrids(withMicroGrids(withHouseholds(document, rows -> {
            HouseholdRow row = rows.get(5);
            rows.set(5, new HouseholdRow(row.address(), row.kind(), "G1-2", null));
            return rows;
        }), rows -> {
            rows.add(new MicroGridRow(null, "G2-2", "G2", "空置"));
            return rows;
        }), rows -> {
            rows.set(1, new GridRow(null, "G2", "二网格 兴华商圈", "COMMERCIAL"));
            return rows;
        }), districtAdmin);
        UUID empty = UUID.fromString(get("/api/grid/nodes?kind=MICRO_GRID&name=空置&parent=" + nodes.get("G2"), districtAdmin)
                .at("/items/0/id").asString());
        subjects.add(empty.toString());
        web.put().uri("/api/grid/nodes/" + nodes.get("G1") + "/staff/POLICE").headers(h -> h.setBearerAuth(districtAdmin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"personId\":\"" + UUID.randomUUID() + "\",\"name\":\"周警官\"}")
                .exchange().expectStatus().isOk();
        web.delete().uri("/api/grid/nodes/" + empty).headers(h -> h.setBearerAuth(districtAdmin)).exchange()
                .expectStatus().isOk();

        List<ConsumerRecord<String, byte[]>> events = topic.await(ours(), 43 + 6, WAIT);

        assertThat(count(events, "org.gridgov.household.moved.v1")).isEqualTo(1);
        assertThat(events).filteredOn(event -> header(event, "ce_type").equals("org.gridgov.gridnode.updated.v1"))
                .singleElement().satisfies(renamed -> {
                    assertThat(renamed.key()).isEqualTo(nodes.get("G2").toString());
                    assertThat(data(renamed).get("name").asString()).isEqualTo("二网格 兴华商圈");
                });
        assertThat(count(events, "org.gridgov.gridnode.created.v1")).isEqualTo(11);
        assertThat(count(events, "org.gridgov.gridstaff.unassigned.v1")).isEqualTo(1);
        assertThat(count(events, "org.gridgov.gridstaff.assigned.v1")).isEqualTo(18);
        assertThat(events).filteredOn(event -> header(event, "ce_type").equals("org.gridgov.gridnode.retired.v1"))
                .singleElement().satisfies(retired -> assertThat(retired.key()).isEqualTo(empty.toString()));
    }

    @Test
    void another_services_read_model_of_the_tree_knows_who_may_act_where() {
        Caller staffOfG1 = new Caller("staff", Set.of(Role.GRID_STAFF), Optional.of(nodes.get("G1").toString()),
                Optional.empty(), Optional.empty(), Set.of());
        // Each node is its own Kafka key, so the nodes arrive in any order: wait until all asked about are known.
        List<UUID> asked = List.of(nodes.get("H1"), nodes.get("G1-2"), nodes.get("G2"), nodes.get("community"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Flux.fromIterable(asked).flatMap(tree::find).count().block() < asked.size()) {
            assertThat(System.nanoTime()).as("the read model never learned of all of " + asked).isLessThan(deadline);
            sleep(Duration.ofMillis(100));
        }

        assertThat(jurisdictions.covers(staffOfG1, nodes.get("H1")).block()).isTrue();

        assertThat(jurisdictions.covers(staffOfG1, nodes.get("G1-2")).block()).isTrue();
        assertThat(jurisdictions.covers(staffOfG1, nodes.get("G2")).block()).isFalse();
        assertThat(jurisdictions.covers(staffOfG1, nodes.get("community")).block()).isFalse();
    }

    private Predicate<ConsumerRecord<String, byte[]>> ours() {
        return event -> subjects.contains(event.key());
    }

    private void collect(JsonNode node) {
        String kind = node.get("kind").asString();
        String name = switch (kind) {
            case "DISTRICT", "STREET", "COMMUNITY" -> kind.toLowerCase();
            default -> node.get("code").asString();
        };
        nodes.put(name, UUID.fromString(node.get("id").asString()));
        subjects.add(node.get("id").asString());
        node.get("children").forEach(this::collect);
    }

    private static long count(List<ConsumerRecord<String, byte[]>> events, String type) {
        return events.stream().filter(event -> header(event, "ce_type").equals(type)).count();
    }

    private static String header(ConsumerRecord<String, byte[]> event, String name) {
        return KafkaTopicReader.header(event, name);
    }

    private JsonNode data(ConsumerRecord<String, byte[]> event) {
        return json.readTree(KafkaTopicReader.value(event));
    }
}
