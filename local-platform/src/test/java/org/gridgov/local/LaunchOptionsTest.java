package org.gridgov.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void without_flags_the_data_is_kept_and_the_demo_loaded() {
        assertThat(LaunchOptions.parse()).isEqualTo(new LaunchOptions(false, true, false));
    }

    @Test
    void fresh_and_no_demo_are_understood_in_any_order() {
        assertThat(LaunchOptions.parse("--no-demo", "--fresh")).isEqualTo(new LaunchOptions(true, false, false));
    }

    @Test
    void an_unknown_flag_is_refused_by_name() {
        assertThatThrownBy(() -> LaunchOptions.parse("--base-port", "9000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--base-port");
    }
}
