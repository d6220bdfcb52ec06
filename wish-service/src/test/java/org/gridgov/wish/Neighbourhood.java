package org.gridgov.wish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.test.RealInfrastructure;

/**
 * A community of its own for a test: a street, the community with two grids of one micro-grid each,
 * a household in each micro-grid, two member units and a party member of the community, and a unit
 * of another community. It reaches the service the way grid-service and member-service would tell it:
 * as events on grid.events and member.events.
 */
public final class Neighbourhood {

    private static final String STEMS_AND_BRANCHES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

    public final UUID district = UUID.randomUUID();
    public final UUID street = UUID.randomUUID();
    public final UUID community = UUID.randomUUID();
    public final UUID otherCommunity = UUID.randomUUID();
    public final UUID grid = UUID.randomUUID();
    public final UUID microGrid = UUID.randomUUID();
    public final UUID otherGrid = UUID.randomUUID();
    public final UUID otherMicroGrid = UUID.randomUUID();
    public final UUID unitA = UUID.randomUUID();
    public final UUID unitB = UUID.randomUUID();
    public final UUID unitElsewhere = UUID.randomUUID();
    public final UUID member = UUID.randomUUID();
    /** As residents type it; grid-service registered it in its normalised form (朝华新城…3栋2单元501室). */
    public final String address;
    public final String otherGridAddress;
    private final String estate;
    private final List<UUID> extraUnits = new ArrayList<>();

    public Neighbourhood() {
        // a name of its own, so that no other test's household shares its addresses
        StringBuilder name = new StringBuilder("朝华新城");
        long bits = community.getLeastSignificantBits();
        for (int i = 0; i < 5; i++) {
            int index = (int) Math.floorMod(bits >> (i * 5), (long) STEMS_AND_BRANCHES.length());
            name.append(STEMS_AND_BRANCHES.charAt(index));
        }
        this.estate = name.toString();
        this.address = "太平街社区" + estate + "3栋2单元501";
        this.otherGridAddress = "太平街社区" + estate + "9栋1单元101";
    }

    /** More units of this community's Grand Party Committee (e.g. for concurrent claims); call before {@link #publish()}. */
    public List<UUID> addUnits(int count) {
        for (int i = 0; i < count; i++) {
            extraUnits.add(UUID.randomUUID());
        }
        return List.copyOf(extraUnits);
    }

    /** Every unit of this community's Grand Party Committee. */
    public List<UUID> units() {
        List<UUID> units = new ArrayList<>(List.of(unitA, unitB));
        units.addAll(extraUnits);
        return units;
    }

    public Neighbourhood publish() {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            node(producer, district, "DISTRICT", "涪陵区");
            node(producer, street, "STREET", "敦仁街道", district);
            node(producer, community, "COMMUNITY", "太平街社区", district, street);
            node(producer, otherCommunity, "COMMUNITY", "北门口社区", district, street);
            node(producer, grid, "GRID", "第一网格", district, street, community);
            node(producer, microGrid, "MICRO_GRID", "第一微网格", district, street, community, grid);
            node(producer, otherGrid, "GRID", "第二网格", district, street, community);
            node(producer, otherMicroGrid, "MICRO_GRID", "第二微网格", district, street, community, otherGrid);
            household(producer, microGrid, estate + "3栋2单元501室");
            household(producer, otherMicroGrid, estate + "9栋1单元101室");
            unit(producer, unitA, community);
            extraUnits.forEach(unit -> unit(producer, unit, community));
            unit(producer, unitElsewhere, otherCommunity);
            send(producer, "member.events", "org.gridgov.member.registered.v1", member, """
                    {"memberId":"%s","kind":"IN_SERVICE","communityId":"%s","occurredAt":"%s"}"""
                    .formatted(member, community, Instant.now()));
            unit(producer, unitB, community);
            producer.flush();
        }
        return this;
    }

    /** Publishes matching-service's ranked candidates for a wish. */
    public static void candidatesComputed(UUID wishId, UUID unit, double score, String reason) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, "matching.events", "org.gridgov.matching.candidates-computed.v1", wishId, """
                    {"wishId":"%s","candidates":[{"kind":"UNIT","id":"%s","score":%s,"reasons":["%s"]}],"occurredAt":"%s"}"""
                    .formatted(wishId, unit, score, reason, Instant.now()));
        }
    }

    /** Publishes apps-service's announcement that an app's credentials were issued with this API key. */
    public static void appCredentialsIssued(UUID app, List<String> scopes, UUID jurisdiction, String apiKeySha256) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, "apps.events", "org.gridgov.app.credentials-issued.v1", app, """
                    {"appId":"%s","actor":{"id":"district-admin","role":"DISTRICT_ADMIN"},"occurredAt":"%s","name":"城市热线 12345",
                     "scopes":["%s"],"jurisdiction":"%s","apiKeySha256":"%s"}"""
                    .formatted(app, Instant.now(), String.join("\",\"", scopes), jurisdiction, apiKeySha256));
        }
    }

    /** Publishes apps-service's announcement that an app was revoked. */
    public static void appRevoked(UUID app) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, "apps.events", "org.gridgov.app.revoked.v1", app, """
                    {"appId":"%s","actor":{"id":"district-admin","role":"DISTRICT_ADMIN"},"occurredAt":"%s"}"""
                    .formatted(app, Instant.now()));
        }
    }

    private static void node(KafkaProducer<String, byte[]> producer, UUID id, String kind, String name, UUID... path) {
        List<String> ancestors = new ArrayList<>();
        for (UUID ancestor : path) {
            ancestors.add("\"" + ancestor + "\"");
        }
        String parent = path.length == 0 ? "" : ",\"parentId\":\"" + path[path.length - 1] + "\"";
        String gridKind = kind.equals("GRID") ? ",\"gridKind\":\"RESIDENTIAL\"" : "";
        send(producer, "grid.events", "org.gridgov.gridnode.created.v1", id,
                "{\"nodeId\":\"" + id + "\",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"path\":" + ancestors
                        + parent + gridKind + ",\"occurredAt\":\"" + Instant.now() + "\"}");
    }

    private static void household(KafkaProducer<String, byte[]> producer, UUID microGrid, String address) {
        UUID household = UUID.randomUUID();
        send(producer, "grid.events", "org.gridgov.household.registered.v1", household, """
                {"householdId":"%s","kind":"RESIDENT","microGridId":"%s","address":"%s","occurredAt":"%s"}"""
                .formatted(household, microGrid, address, Instant.now()));
    }

    private static void unit(KafkaProducer<String, byte[]> producer, UUID unit, UUID community) {
        send(producer, "member.events", "org.gridgov.unit.joined.v1", unit, """
                {"unitId":"%s","name":"成员单位","kind":"AGENCY","communityIds":["%s"],"occurredAt":"%s"}"""
                .formatted(unit, community, Instant.now()));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String type, UUID subject, String data) {
        producer.send(CloudEventKafka.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), type,
                topic.replace(".events", "") + "-service", subject.toString(), Instant.now(), Optional.empty(), data)));
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }
}
