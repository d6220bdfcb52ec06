package org.gridgov.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import org.gridgov.contracts.EventType;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class OutboxTest {

    @Test
    void an_event_that_breaks_its_schema_is_refused_before_it_reaches_the_database() {
        // no database: the refusal must come before any statement is made
        Outbox outbox = new Outbox(null, JsonMapper.builder().build(), Clock.systemUTC());

        StepVerifier.create(outbox.append(EventType.WISH_CLAIMED, "w-1", Map.of("wishId", "not-a-uuid")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("org.gridgov.wish.claimed.v1 does not match its schema"))
                .verify();
    }
}
