package org.gridgov.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void an_absent_or_empty_cursor_asks_for_the_first_page() {
        assertThat(Cursor.singleKey(null)).isEmpty();
        assertThat(Cursor.singleKey("")).isEmpty();
        assertThat(Cursor.offset("")).isZero();
        assertThat(Cursor.nameAndId("")).isEmpty();
    }

    @Test
    void a_cursor_gives_back_the_keys_it_was_made_of() {
        UUID id = UUID.randomUUID();
        assertThat(Cursor.singleKey(Cursor.encode(id)).map(Cursor::uuidKey)).contains(id);
        assertThat(Cursor.offset(Cursor.encode(50))).isEqualTo(50);
        assertThat(Cursor.nameAndId(Cursor.encode("敦仁小学", id))).contains(new Cursor.NameAndId("敦仁小学", id));
        Cursor.TimeAndId at = new Cursor.TimeAndId(Instant.parse("2026-03-01T08:00:00.123456Z"), id);
        assertThat(Cursor.timeAndId(at.encode())).contains(at);
    }

    @Test
    void a_cursor_no_list_gave_out_is_a_400() {
        for (String forged : new String[] {Cursor.encode(-1), Cursor.encode(Long.MAX_VALUE), Cursor.encode("a", "b"), "%%%"}) {
            assertThatThrownBy(() -> Cursor.offset(forged))
                    .isInstanceOf(ProblemException.class);
        }
        for (String forged : new String[] {Cursor.encode("yesterday", UUID.randomUUID()), Cursor.encode(Instant.EPOCH), "not-a-cursor"}) {
            assertThatThrownBy(() -> Cursor.timeAndId(forged)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).status().value()).isEqualTo(400));
        }
    }
}
