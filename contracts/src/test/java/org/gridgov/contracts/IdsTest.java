package org.gridgov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void an_id_is_read_with_or_without_surrounding_blanks() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.parse(id.toString())).contains(id);
        assertThat(Ids.parse(" " + id + "\n")).contains(id);
    }

    @Test
    void anything_else_is_no_id() {
        assertThat(Ids.parse(null)).isEmpty();
        assertThat(Ids.parse("")).isEmpty();
        assertThat(Ids.parse("   ")).isEmpty();
        assertThat(Ids.parse("not-an-id")).isEmpty();
        assertThat(Ids.parse("%00")).isEmpty();
    }
}
