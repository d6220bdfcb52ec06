package org.gridgov.kit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.kit.test.InfrastructureChoice.CONTAINERS;
import static org.gridgov.kit.test.InfrastructureChoice.EMBEDDED;
import static org.gridgov.kit.test.InfrastructureChoice.choose;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class InfrastructureChoiceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("Docker was asked although the choice was forced");
    };

    @Test
    void by_default_the_tests_run_on_containers_when_docker_answers() {
        assertThat(choose(null, DOCKER)).isEqualTo(CONTAINERS);
        assertThat(choose("", DOCKER)).isEqualTo(CONTAINERS);
        assertThat(choose("auto", DOCKER)).isEqualTo(CONTAINERS);
    }

    @Test
    void by_default_the_tests_run_on_the_embedded_servers_without_docker() {
        assertThat(choose(null, NO_DOCKER)).isEqualTo(EMBEDDED);
        assertThat(choose(" AUTO ", NO_DOCKER)).isEqualTo(EMBEDDED);
    }

    @Test
    void embedded_forced_never_asks_docker() {
        assertThat(choose("embedded", NOT_TO_BE_ASKED)).isEqualTo(EMBEDDED);
    }

    @Test
    void containers_forced_runs_on_docker_and_says_so_when_there_is_none() {
        assertThat(choose("containers", DOCKER)).isEqualTo(CONTAINERS);
        assertThatThrownBy(() -> choose("containers", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answers")
                .hasMessageContaining("-Dgridgov.infra=embedded");
    }

    @Test
    void an_unknown_setting_is_refused_with_the_choices() {
        assertThatThrownBy(() -> choose("docker", DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gridgov.infra=docker")
                .hasMessageContaining("auto, containers, embedded");
    }

    @Test
    void this_machine_without_docker_runs_embedded_by_default() {
        // CI and the build machines here have no Docker engine: the detection must say so, not fail
        if (System.getProperty(InfrastructureChoice.PROPERTY) == null && System.getenv(InfrastructureChoice.VARIABLE) == null
                && !ContainerInfrastructure.dockerAvailable()) {
            assertThat(InfrastructureChoice.forThisRun()).isEqualTo(EMBEDDED);
        }
    }
}
