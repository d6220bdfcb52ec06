package org.gridgov.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

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
}
