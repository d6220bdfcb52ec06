package org.gridgov.committee;

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
 * What the committee hears from the other services, as real CloudEvents on their topics: a community
 * in the grid tree (grid-service), its member units (member-service), its needs (wish-service) and the
 * project lists computed for it (matching-service). Every id is fresh, so tests sharing the broker do
 * not see each other's data.
 */
public final class CommitteeFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json = JsonMapper.builder().build();

    CommitteeFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    void publish(EventType type, Map<String, Object> data) {
        publish(type, data, UUID.randomUUID());
    }

    /** Publishes with the given event id: the same id twice is one event delivered twice. */
    public void publish(EventType type, Map<String, Object> data, UUID eventId) {
        String body = json.writeValueAsString(data);
        List<String> violations = EventSchemas.validate(type, body);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(type + " test data does not match its schema: " + violations);
        }
        CloudEvent event = new CloudEvent(eventId.toString(), type.type(), type.source(),
                String.valueOf(data.get(type.subjectField())), Instant.now(), Optional.empty(), body);
        try {
            producer.send(CloudEventKafka.toRecord(type.topic().topicName(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    /** A district, a street, a community with one grid. */
    public record Community(UUID district, UUID street, UUID community, UUID grid) {
    }

    Community community() {
        Community c = new Community(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        node(c.district(), "DISTRICT", null, List.of());
        node(c.street(), "STREET", c.district(), List.of(c.district()));
        node(c.community(), "COMMUNITY", c.street(), List.of(c.district(), c.street()));
        node(c.grid(), "GRID", c.community(), List.of(c.district(), c.street(), c.community()));
        return c;
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
        data.put("occurredAt", Instant.now().toString());
        publish(EventType.GRID_NODE_CREATED, data);
    }

    UUID unit(UUID community, String name) {
        UUID unit = UUID.randomUUID();
        publish(EventType.UNIT_JOINED, Map.of("unitId", unit.toString(), "name", name, "kind", "ENTERPRISE",
                "communityIds", List.of(community.toString()), "occurredAt", Instant.now().toString()));
        return unit;
    }

    /** member-service registered a party member with the community. */
    public UUID member(UUID community) {
        UUID member = UUID.randomUUID();
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", member.toString(), "kind", "RESIDENT",
                "communityId", community.toString(), "occurredAt", Instant.now().toString()));
        return member;
    }

    /** member-service registered a party member living in the grid. */
    public UUID member(Community c, UUID grid) {
        UUID member = UUID.randomUUID();
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", member.toString(), "kind", "RESIDENT",
                "communityId", c.community().toString(), "gridId", grid.toString(), "occurredAt", Instant.now().toString()));
        return member;
    }

    /** A second grid of the community, named as given. */
    public UUID grid(Community c, String name) {
        UUID grid = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodeId", grid.toString());
        data.put("kind", "GRID");
        data.put("name", name);
        data.put("parentId", c.community().toString());
        data.put("path", List.of(c.district().toString(), c.street().toString(), c.community().toString()));
        data.put("gridKind", "RESIDENTIAL");
        data.put("occurredAt", Instant.now().toString());
        publish(EventType.GRID_NODE_CREATED, data);
        return grid;
    }

    /** member-service registered a volunteer (志愿者) of the community. */
    public UUID volunteer(UUID community) {
        UUID volunteer = UUID.randomUUID();
        publish(EventType.VOLUNTEER_REGISTERED, Map.of("volunteerId", volunteer.toString(),
                "communityId", community.toString(), "occurredAt", Instant.now().toString()));
        return volunteer;
    }

    UUID need(Community c, String category, String title) {
        UUID need = UUID.randomUUID();
        publish(EventType.NEED_PUBLISHED, Map.of("needId", need.toString(), "category", category, "title", title,
                "gridId", c.grid().toString(), "communityId", c.community().toString(), "householdsAffected", 12,
                "priority", "HIGH", "foundBy", "WALK", "occurredAt", Instant.now().toString()));
        return need;
    }

    /** matching-service computed version {@code version} of the community's list: needs assigned to units, and needs left over. */
    UUID projectList(UUID community, int year, int version, Map<UUID, UUID> unitOfNeed, List<UUID> unmatched) {
        UUID list = UUID.randomUUID();
        List<Map<String, Object>> assignments = new ArrayList<>();
        unitOfNeed.forEach((need, unit) -> assignments.add(Map.of("needId", need.toString(), "unitId", unit.toString(),
                "resourceItemId", UUID.randomUUID().toString())));
        publish(EventType.MATCHING_PROJECT_LIST_COMPUTED, Map.of("projectListId", list.toString(),
                "communityId", community.toString(), "year", year, "version", version, "objective", 42,
                "assignmentCount", assignments.size(), "unmatchedCount", unmatched.size(), "assignments", assignments,
                "unmatched", unmatched.stream().map(need -> Map.of("needId", need.toString(), "reason",
                        "NO_ELIGIBLE_RESOURCE")).toList(),
                "occurredAt", Instant.now().toString()));
        return list;
    }

    /** wish-service took a resident's wish in the community, wanted by the given time. */
    public UUID wish(Community c, Instant at, Instant wantedBy) {
        UUID wish = UUID.randomUUID();
        publish(EventType.WISH_SUBMITTED, Map.of("wishId", wish.toString(), "actor", Map.of("id", "resident-1", "role",
                        "RESIDENT"), "occurredAt", at.toString(), "status", "SUBMITTED", "category", "REPAIRS", "title", "修水管",
                "gridId", c.grid().toString(), "microGridId", UUID.randomUUID().toString(),
                "communityId", c.community().toString(), "wantedBy", wantedBy.toString()));
        return wish;
    }

    /**
     * A step of a wish by a unit (claimed, released, fulfilled, closed with a rating), as wish-service announces it;
     * {@code eventId} to deliver the same event twice.
     */
    public void wishStep(EventType type, UUID wish, UUID unit, Instant at, Integer rating, UUID eventId) {
        Map<String, Object> data = new LinkedHashMap<>(Map.of("wishId", wish.toString(), "actor", Map.of("id", "unit-1",
                "role", "UNIT"), "occurredAt", at.toString(), "status", type == EventType.WISH_RELEASED ? "DISPATCHED" : type.name().substring(5),
                "claimer", Map.of("kind", "UNIT", "id", unit.toString())));
        if (type == EventType.WISH_CLOSED) {
            data.put("rating", rating);
            data.put("servedMemberIds", List.of());
        }
        publish(type, data, eventId);
    }

    /** member-service announced the community's red/black list of a quarter: unit → {placement, rule}. */
    public void redBlackList(UUID community, String quarter, Instant at, Map<UUID, String[]> placements, UUID eventId) {
        List<Map<String, Object>> entries = new ArrayList<>();
        placements.forEach((unit, placed) -> entries.add(Map.of("unitId", unit.toString(), "placement", placed[0],
                "rule", placed[1], "reason", "rule " + placed[1] + " of the red/black list")));
        publish(EventType.RED_BLACK_LIST_ANNOUNCED, Map.of("announcementId", UUID.randomUUID().toString(),
                "communityId", community.toString(), "quarter", quarter, "entries", entries, "occurredAt", at.toString()),
                eventId);
    }

    @Override
    public void close() {
        producer.close();
    }
}
