package org.gridgov.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShutdownTest {

    private final List<String> stopped = new ArrayList<>();
    private final Shutdown shutdown = new Shutdown();

    @Test
    void resources_stop_newest_first_even_when_one_fails() {
        shutdown.register("postgres", () -> stopped.add("postgres"));
        shutdown.register("kafka", () -> {
            throw new IllegalStateException("broken");
        });
        shutdown.register("services", () -> stopped.add("services"));

        shutdown.run();
        shutdown.run();

        assertThat(stopped).containsExactly("services", "postgres");
    }

    @Test
    void a_resource_started_after_shutdown_began_is_stopped_at_once() {
        shutdown.run();

        shutdown.register("late service", () -> stopped.add("late service"));

        assertThat(stopped).containsExactly("late service");
    }
}
