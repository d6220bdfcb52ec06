package org.gridgov.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void every_service_gets_its_default_port_when_free() {
        PortAllocator ports = new PortAllocator(port -> true);

        assertThat(ports.allocate(8080)).isEqualTo(8080);
        assertThat(ports.allocate(8081)).isEqualTo(8081);
    }

    @Test
    void a_taken_port_moves_the_service_up_without_colliding_with_the_next_one() {
        Set<Integer> taken = Set.of(8080);
        PortAllocator ports = new PortAllocator(port -> !taken.contains(port));

        assertThat(ports.allocate(8080)).isEqualTo(8081);
        assertThat(ports.allocate(8081)).isEqualTo(8082);
        assertThat(ports.allocate(8082)).isEqualTo(8083);
    }
}
