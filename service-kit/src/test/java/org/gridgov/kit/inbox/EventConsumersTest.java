package org.gridgov.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class EventConsumersTest {

    @Test
    void a_database_outage_is_retried_without_limit_rather_than_dead_lettered() {
        assertThat(EventConsumers.isInfrastructureFailure(
                new DataAccessResourceFailureException("pool", new ConnectException("refused")))).isTrue();
        assertThat(EventConsumers.isInfrastructureFailure(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void a_bug_in_a_handler_is_not_an_infrastructure_failure() {
        assertThat(EventConsumers.isInfrastructureFailure(new IllegalStateException("bad data"))).isFalse();
    }

    @Test
    void dead_letters_go_to_the_topic_of_the_registry() {
        assertThat(EventConsumers.deadLetterTopic("wish.events")).isEqualTo("wish.events.dlt");
        assertThat(EventConsumers.deadLetterTopic("someone.elses")).isEqualTo("someone.elses.dlt");
    }
}
