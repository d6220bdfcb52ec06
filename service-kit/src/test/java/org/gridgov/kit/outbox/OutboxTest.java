package org.gridgov.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.events.GridNodeCreated;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class OutboxTest {

    // no database: every refusal must come before any statement is made
    private final Outbox outbox = new Outbox(null, JsonMapper.builder().build(), Clock.systemUTC());

    @Test
    void an_event_that_breaks_its_schema_is_refused_before_it_reaches_the_database() {
        StepVerifier.create(outbox.append(EventType.WISH_CLAIMED, "w-1", Map.of("wishId", "not-a-uuid")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("org.gridgov.wish.claimed.v1 does not match its schema"))
                .verify();
    }

    @Test
    void a_record_that_breaks_its_schema_is_refused_before_it_reaches_the_database() {
        GridNodeCreated nameless = new GridNodeCreated(UUID.randomUUID(), "GRID", "", null, List.of(), null, null,
                Instant.now());

        StepVerifier.create(outbox.append(nameless))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("org.gridgov.gridnode.created.v1 does not match its schema")
                        .hasMessageContaining("name"))
                .verify();
    }

    @Test
    void a_batch_with_one_event_breaking_its_schema_writes_nothing() {
        GridNodeCreated valid = new GridNodeCreated(UUID.randomUUID(), "DISTRICT", "涪陵区", null, List.of(), null, null,
                Instant.now());
        GridNodeCreated invalid = new GridNodeCreated(UUID.randomUUID(), "VILLAGE", "某村", null, List.of(), null, null,
                Instant.now());

        StepVerifier.create(outbox.appendAll(List.of(valid, invalid)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("kind"))
                .verify();
    }
}
