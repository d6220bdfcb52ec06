package org.gridgov.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PageTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void every_list_takes_50_items_unless_asked_and_at_most_200() {
        assertThat(Page.limit(Optional.empty())).isEqualTo(50);
        assertThat(Page.limit(1)).isEqualTo(1);
        assertThat(Page.limit(200)).isEqualTo(200);
        for (int wrong : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> Page.limit(wrong)).isInstanceOf(ProblemException.class)
                    .hasMessage("limit must be between 1 and 200.");
        }
    }

    @Test
    void a_page_read_with_one_row_more_says_where_the_next_starts() {
        Page<String> first = Page.of(List.of("a", "b", "c"), 2, row -> "after-" + row);
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(first.next()).isEqualTo("after-b");

        Page<String> last = Page.of(List.of("c"), 2, row -> "after-" + row);
        assertThat(last.items()).containsExactly("c");
        assertThat(last.next()).isNull();
    }

    @Test
    void json_has_items_and_next_and_the_old_name_next_cursor_for_one_release() {
        assertThat(json.writeValueAsString(new Page<>(List.of(1, 2), "abc")))
                .isEqualTo("{\"items\":[1,2],\"next\":\"abc\",\"nextCursor\":\"abc\"}");
        assertThat(json.writeValueAsString(new Page<>(List.of(3), null))).isEqualTo("{\"items\":[3]}");
    }

    @Test
    void showing_items_otherwise_keeps_the_next_cursor() {
        Page<Integer> page = new Page<>(List.of(1, 2, 3), "n");
        Page<String> odd = page.map(i -> i % 2 == 1 ? Optional.of("#" + i) : Optional.empty());
        assertThat(odd).isEqualTo(new Page<>(List.of("#1", "#3"), "n"));
    }
}
