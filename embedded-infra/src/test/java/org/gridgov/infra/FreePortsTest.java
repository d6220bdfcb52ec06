package org.gridgov.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void a_taken_port_is_skipped_for_the_next_free_one() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            assertThat(FreePorts.isFree(port)).isFalse();
            assertThat(FreePorts.firstFreeFrom(port)).isGreaterThan(port);
        }
    }

    @Test
    void a_free_port_is_used_as_asked() {
        int port = FreePorts.any();

        assertThat(FreePorts.firstFreeFrom(port)).isEqualTo(port);
        assertThat(FreePorts.resolve(port, false)).isEqualTo(port);
    }

    @Test
    void chosen_ports_lie_below_the_ephemeral_range_where_outgoing_connections_cannot_take_them() {
        int ephemeralStart = FreePorts.ephemeralStart();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(FreePorts.any());
        }

        assertThat(ports).hasSize(50).allSatisfy(port -> assertThat(port).isLessThan(ephemeralStart));
    }
}
