package org.gridgov.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.EventType;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes real CloudEvents as the grid-, member- and wish-services do, and builds the shapes a
 * test needs: a community's grid tree, member units with resource lists, party members, wishes and
 * needs. Every id is fresh, so tests sharing the broker and database do not see each other's data.
 */
public final class EventFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json = JsonMapper.builder().build();
    private String lastEventId;

    public EventFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(EventType type, Map<String, Object> data) {
        String body = json.writeValueAsString(data);
        List<String> violations = EventSchemas.validate(type, body);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(type + " test data does not match its schema: " + violations);
        }
        lastEventId = UUID.randomUUID().toString();
        CloudEvent event = new CloudEvent(lastEventId, type.type(), type.source(),
                String.valueOf(data.get(type.subjectField())), Instant.now(), Optional.empty(), body);
        try {
            producer.send(CloudEventKafka.toRecord(type.topic().topicName(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    /** The CloudEvents id of what was published last, to find it in a consumer's inbox. */
    public String lastEventId() {
        return lastEventId;
    }

    /** A community with {@code grids} grids of {@code microGridsPerGrid} micro-grids under a street and a district. */
    public CommunityTree community(int grids, int microGridsPerGrid) {
        UUID district = UUID.randomUUID();
        UUID street = UUID.randomUUID();
        UUID community = UUID.randomUUID();
        node(district, "DISTRICT", null, List.of());
        node(street, "STREET", district, List.of(district));
        node(community, "COMMUNITY", street, List.of(district, street));
        List<UUID> gridIds = new ArrayList<>();
        Map<UUID, List<UUID>> microGrids = new LinkedHashMap<>();
        for (int g = 0; g < grids; g++) {
            UUID grid = UUID.randomUUID();
            node(grid, "GRID", community, List.of(district, street, community));
            List<UUID> micro = new ArrayList<>();
            for (int m = 0; m < microGridsPerGrid; m++) {
                UUID microGrid = UUID.randomUUID();
                node(microGrid, "MICRO_GRID", grid, List.of(district, street, community, grid));
                micro.add(microGrid);
            }
            gridIds.add(grid);
            microGrids.put(grid, micro);
        }
        return new CommunityTree(district, street, community, gridIds, microGrids);
    }

    public record CommunityTree(UUID district, UUID street, UUID community, List<UUID> grids,
                                Map<UUID, List<UUID>> microGrids) {

        public UUID grid(int index) {
            return grids.get(index);
        }

        public UUID microGrid(int grid, int index) {
            return microGrids.get(grids.get(grid)).get(index);
        }
    }

    private void node(UUID id, String kind, UUID parent, List<UUID> path) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodeId", id.toString());
        data.put("kind", kind);
        data.put("name", kind.toLowerCase() + "-" + id.toString().substring(0, 8));
        if (parent != null) {
            data.put("parentId", parent.toString());
        }
        data.put("path", path.stream().map(UUID::toString).toList());
        if (kind.equals("GRID")) {
            data.put("gridKind", "RESIDENTIAL");
        }
        data.put("occurredAt", now());
        publish(EventType.GRID_NODE_CREATED, data);
    }

    /** An item of a resource list: its category, title, capacity and the grid nodes it serves. */
    public record Item(UUID itemId, String category, String title, int capacity, List<UUID> area) {

        public static Item of(String category, String title, int capacity, UUID... area) {
            return new Item(UUID.randomUUID(), category, title, capacity, List.of(area));
        }
    }

    /** A unit joins the community's Grand Party Committee and publishes its resource list for the period. */
    public UUID unit(UUID community, String name, String period, Item... items) {
        UUID unit = UUID.randomUUID();
        publish(EventType.UNIT_JOINED, Map.of("unitId", unit.toString(), "name", name, "kind", "ENTERPRISE",
                "communityIds", List.of(community.toString()), "occurredAt", now()));
        resourceList(EventType.RESOURCE_LIST_PUBLISHED, unit, period, 1, items);
        return unit;
    }

    public void resourceList(EventType type, UUID unit, String period, int version, Item... items) {
        publish(type, Map.of("unitId", unit.toString(), "period", period, "version", version,
                "items", List.of(items).stream().map(item -> Map.of("itemId", item.itemId().toString(),
                        "category", item.category(), "title", item.title(), "capacity", item.capacity(),
                        "area", item.area().stream().map(UUID::toString).toList())).toList(),
                "occurredAt", now()));
    }

    public UUID member(UUID community, UUID grid) {
        UUID member = UUID.randomUUID();
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", member.toString(), "kind", "RESIDENT",
                "communityId", community.toString(), "gridId", grid.toString(), "occurredAt", now()));
        return member;
    }

    public UUID wishSubmitted(CommunityTree tree, int grid, int microGrid, String category) {
        return wishSubmitted(tree, grid, microGrid, category, Instant.now());
    }

    public UUID wishSubmitted(CommunityTree tree, int grid, int microGrid, String category, Instant at) {
        return wishSubmitted(tree, grid, microGrid, category, at, UUID.randomUUID());
    }

    /** The submission of {@code wish}, under a new event id each time (a replay ranks it again). */
    public UUID wishSubmitted(CommunityTree tree, int grid, int microGrid, String category, Instant at, UUID wish) {
        publish(EventType.WISH_SUBMITTED, Map.of("wishId", wish.toString(), "actor", resident(), "occurredAt", at.toString(),
                "status", "SUBMITTED", "category", category, "title", "help wanted",
                "gridId", tree.grid(grid).toString(), "microGridId", tree.microGrid(grid, microGrid).toString(),
                "communityId", tree.community().toString()));
        return wish;
    }

    public void wishClaimed(UUID wish, String claimerKind, UUID claimer) {
        publish(EventType.WISH_CLAIMED, Map.of("wishId", wish.toString(), "actor", Map.of("id", claimer.toString(),
                "role", claimerKind.equals("UNIT") ? "UNIT" : "PARTY_MEMBER"), "occurredAt", now(), "status", "CLAIMED",
                "claimer", Map.of("kind", claimerKind, "id", claimer.toString())));
    }

    public void wishFulfilled(UUID wish, String claimerKind, UUID claimer) {
        publish(EventType.WISH_FULFILLED, Map.of("wishId", wish.toString(), "actor", Map.of("id", claimer.toString(),
                "role", claimerKind.equals("UNIT") ? "UNIT" : "PARTY_MEMBER"), "occurredAt", now(), "status", "FULFILLED",
                "claimer", Map.of("kind", claimerKind, "id", claimer.toString())));
    }

    /** The resident reopened the wish the claimer had closed: the claim is over, the wish open for claiming. */
    public void wishReopened(UUID wish, CommunityTree tree, String claimerKind, UUID claimer) {
        publish(EventType.WISH_REOPENED, Map.of("wishId", wish.toString(), "actor", resident(), "occurredAt", now(),
                "status", "DISPATCHED", "previousClaimer", Map.of("kind", claimerKind, "id", claimer.toString()),
                "gridId", tree.grid(0).toString(), "communityId", tree.community().toString(), "reopenCount", 1));
    }

    /** The grid asked the resident a question about the wish ({@code asked}), or the resident answered. */
    public void wishInformation(UUID wish, CommunityTree tree, boolean asked, String status) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("wishId", wish.toString(), "actor", resident(),
                "occurredAt", now(), "status", status, "gridId", tree.grid(0).toString(),
                "communityId", tree.community().toString()));
        data.put(asked ? "questionLength" : "answerLength", 5);
        publish(asked ? EventType.WISH_INFORMATION_REQUESTED : EventType.WISH_INFORMATION_GIVEN, data);
    }

    /** The fulfil step's deadline ran out while the wish was claimed: the SLA timer raised it to the community. */
    public void wishEscalatedAtFulfil(UUID wish) {
        publish(EventType.WISH_ESCALATED, Map.of("wishId", wish.toString(), "actor", Map.of("id", "sla-timer", "role", "SYSTEM"),
                "occurredAt", now(), "status", "CLAIMED", "slaStep", "FULFIL", "level", "COMMUNITY", "dueAt", now()));
    }

    public UUID needPublished(UUID community, UUID grid, String category, String priority, int households) {
        return need(community, grid, category, priority, households, true);
    }

    /** Recorded by grid staff, not (yet) on the published needs list. */
    public UUID needRecorded(UUID community, UUID grid, String category, String priority, int households) {
        return need(community, grid, category, priority, households, false);
    }

    private UUID need(UUID community, UUID grid, String category, String priority, int households, boolean published) {
        UUID need = UUID.randomUUID();
        Map<String, Object> data = Map.of("needId", need.toString(), "category", category, "title", "need " + category,
                "gridId", grid.toString(), "communityId", community.toString(), "householdsAffected", households,
                "priority", priority, "foundBy", "WALK", "occurredAt", now());
        publish(EventType.NEED_RECORDED, data);
        if (published) {
            publish(EventType.NEED_PUBLISHED, data);
        }
        return need;
    }

    private static Map<String, Object> resident() {
        return Map.of("id", UUID.randomUUID().toString(), "role", "RESIDENT");
    }

    private static String now() {
        return Instant.now().toString();
    }

    @Override
    public void close() {
        producer.close();
    }
}
