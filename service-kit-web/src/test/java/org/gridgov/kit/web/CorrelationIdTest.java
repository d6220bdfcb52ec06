package org.gridgov.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class CorrelationIdTest {

    @Test
    void a_short_safe_id_from_the_caller_is_kept() {
        assertThat(CorrelationId.acceptOrCreate("app-42.req_7")).isEqualTo("app-42.req_7");
    }

    @Test
    void an_id_that_could_forge_log_lines_is_replaced() {
        String created = CorrelationId.acceptOrCreate("x\n2026-01-01 ERROR forged");
        assertThat(UUID.fromString(created)).isNotNull();
    }

    @Test
    void a_missing_or_overlong_id_is_replaced() {
        assertThat(UUID.fromString(CorrelationId.acceptOrCreate(null))).isNotNull();
        assertThat(UUID.fromString(CorrelationId.acceptOrCreate("a".repeat(65)))).isNotNull();
    }
}
