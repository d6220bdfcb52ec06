package org.gridgov.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.GridNodeCreated;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OutboxTest {

    // no database: every refusal must come before any statement is made
    private final Outbox outbox = new Outbox(null, Clock.systemUTC());

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
