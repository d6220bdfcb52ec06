package org.gridgov.grid.tree.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineagesTest {

    @Test
    void the_common_lineage_ends_at_the_deepest_shared_node() {
        assertThat(Lineages.common(List.of(List.of("d", "s", "c", "g1", "m1"), List.of("d", "s", "c", "g1", "m2"))))
                .containsExactly("d", "s", "c", "g1");
        assertThat(Lineages.common(List.of(List.of("d", "s", "c", "g1", "m1"), List.of("d", "s", "c", "g2", "m3"),
                List.of("d", "s", "c", "g1", "m1")))).containsExactly("d", "s", "c");
        assertThat(Lineages.common(List.of(List.of("d", "s", "c", "g1", "m1")))).containsExactly("d", "s", "c", "g1", "m1");
        assertThat(Lineages.common(List.of(List.of("d1"), List.of("d2")))).isEmpty();
        assertThat(Lineages.<String>common(List.of())).isEmpty();
    }
}
