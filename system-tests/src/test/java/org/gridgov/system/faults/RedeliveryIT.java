package org.gridgov.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.Events;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.gridgov.system.platform.Wishes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * At-least-once delivery as consumers meet it: an event again, twice, and a stream out of order.
 * Events are published straight to the topics with the services' own CloudEvents binding.
 */
class RedeliveryIT {

    private static final Duration CONSUMED = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<ServiceSpec> GRID_TREE_KEEPERS = List.of(ServiceSpec.WISH, ServiceSpec.MEMBER, ServiceSpec.MATCHING);

    private static SystemPlatform platform;
    private static Convergence convergence;
    private static Events events;

    @BeforeAll
    static void platform() {
        platform = SystemPlatform.shared();
        convergence = new Convergence(platform);
        events = new Events(platform);
    }

    @Test
    void wish_events_delivered_again_twice_and_in_reverse_order_change_nothing() {
        TestCommunity community = TestCommunity.create(platform, 1, 2);
        TestCommunity.Grid grid = community.grids().get(0);
        String unit = community.joinUnit("重投测试单位", "REPAIRS");
        String member = community.registerMember("重投测试党员");
        community.awaitKnownToWishService(unit, member);
        Wishes wishes = new Wishes(community);
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String resident = "redelivery-" + i;
            String wish = wishes.order(resident, grid.addresses().get(i), "REPAIRS");
            wishes.dispatch(grid, wish, List.of(unit)).expect(200);
            wishes.claimAsUnit(unit, wish).expect(200);
            wishes.fulfil(community.unit(unit), wish, List.of(member)).expect(200);
            wishes.close(resident, wish, 5).expect(200);
            closed.add(wish);
        }
        convergence.await();
        events.awaitConsumed(Topic.WISH_EVENTS, CONSUMED);
        Map<String, Long> before = effects(closed, member);
        double duplicatesBefore = consumed("member-service.wish-points", "duplicate");
        double passedBefore = consumed("member-service.wish-points", "not-handled");

        List<CloudEvent> published = events.read(Topic.WISH_EVENTS, closed::contains);
        assertThat(published).as("the two wishes' events").hasSizeGreaterThanOrEqualTo(10);
        List<CloudEvent> again = new ArrayList<>(published);
        Collections.reverse(again);
        again.addAll(again);
        events.publish(Topic.WISH_EVENTS, again);
        events.awaitConsumed(Topic.WISH_EVENTS, CONSUMED);
        // the points consumer really read every redelivery: each closing it dropped as a duplicate, and
        // passed every other type by without a transaction
        long closings = again.stream().filter(event -> event.type().equals(EventType.WISH_CLOSED.type())).count();
        assertThat(closings).as("the two closings, twice each").isEqualTo(4);
        double read = Convergence.eventually(CONSUMED, () -> consumed("member-service.wish-points", "duplicate") - duplicatesBefore
                + consumed("member-service.wish-points", "not-handled") - passedBefore, n -> n >= again.size());
        assertThat(read).isEqualTo(again.size());
        assertThat(consumed("member-service.wish-points", "duplicate") - duplicatesBefore).isEqualTo(closings);

        assertThat(effects(closed, member)).as("inbox rows, points, read models after %d redeliveries", again.size())
                .isEqualTo(before);
        convergence.await();
    }

    @Test
    void grid_node_events_twice_and_out_of_order_leave_the_latest_node_once_in_every_read_model() {
        TestCommunity community = TestCommunity.create(platform, 1, 1);
        TestCommunity.Grid grid = community.grids().get(0);
        String node = UUID.randomUUID().toString();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent first = nodeEvent(EventType.GRID_NODE_CREATED, node, grid, community, "乱序微网格-1", created);
        CloudEvent second = nodeEvent(EventType.GRID_NODE_UPDATED, node, grid, community, "乱序微网格-2", created.plusSeconds(1));
        CloudEvent third = nodeEvent(EventType.GRID_NODE_UPDATED, node, grid, community, "乱序微网格-3", created.plusSeconds(2));

        events.publish(Topic.GRID_EVENTS, List.of(third, first, third, second, first, second));
        events.awaitConsumed(Topic.GRID_EVENTS, CONSUMED);

        String ids = "('" + first.id() + "','" + second.id() + "','" + third.id() + "')";
        for (ServiceSpec service : GRID_TREE_KEEPERS) {
            // applied in arrival order, the node would end as -2 (delivered last); by time, it ends as -3
            List<String> names = Convergence.eventually(CONSUMED, () -> {
                List<String> found = new ArrayList<>();
                convergence.query(service, "select name from kit_grid_node where id = '" + node + "'",
                        row -> found.add(row.getString(1)));
                return found;
            }, found -> found.equals(List.of("乱序微网格-3")));
            assertThat(names).as("%s's grid tree", service.module()).containsExactly("乱序微网格-3");
            assertThat(Convergence.eventually(CONSUMED, () -> convergence.count(service,
                    "select count(*) from kit_inbox where consumer like '%.grid-tree' and event_id in " + ids), n -> n == 3))
                    .as("%s applied each of the three events once", service.module()).isEqualTo(3);
        }
        convergence.await();
    }

    /** The events a consumer took from Kafka and dropped because its inbox had them already (the kit's metric). */
    private static double consumed(String consumer, String outcome) {
        String metrics = platform.direct(ServiceSpec.MEMBER, null).withHeader("Accept", "text/plain").get("/actuator/prometheus").expect(200).body();
        return metrics.lines()
                .filter(line -> line.startsWith("gridgov_events_consumed_total{") && line.contains("consumer=\"" + consumer + "\"")
                        && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** What the redelivered events could have changed, counted. */
    private static Map<String, Long> effects(List<String> wishes, String member) {
        String ids = "('" + String.join("','", wishes) + "')";
        Map<String, Long> counts = new TreeMap<>();
        for (ServiceSpec service : List.of(ServiceSpec.MEMBER, ServiceSpec.MATCHING, ServiceSpec.WISH)) {
            counts.put(service.module() + " inbox", convergence.count(service, "select count(*) from kit_inbox"));
        }
        counts.put("points transactions of the member", convergence.count(ServiceSpec.MEMBER,
                "select count(*) from points_transaction where member_id = '" + member + "'"));
        counts.put("points entries", convergence.count(ServiceSpec.MEMBER, "select count(*) from points_entry"));
        counts.put("unit claims of the wishes", convergence.count(ServiceSpec.MEMBER,
                "select count(*) from unit_claim where wish_id in " + ids));
        counts.put("closed wishes in matching-service", convergence.count(ServiceSpec.MATCHING,
                "select count(*) from wish where status = 'CLOSED' and id in " + ids));
        return counts;
    }

    private static CloudEvent nodeEvent(EventType type, String node, TestCommunity.Grid grid, TestCommunity community,
            String name, Instant at) {
        Map<String, Object> data = new TreeMap<>();
        data.put("nodeId", node);
        data.put("kind", "MICRO_GRID");
        data.put("name", name);
        data.put("parentId", grid.id());
        data.put("path", List.of(TestCommunity.DISTRICT, TestCommunity.STREET, community.id(), grid.id()));
        data.put("occurredAt", at.toString());
        return new CloudEvent(UUID.randomUUID().toString(), type.type(), type.source(), node, at, Optional.empty(),
                JSON.writeValueAsString(data));
    }
}
