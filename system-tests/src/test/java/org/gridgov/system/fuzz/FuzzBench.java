package org.gridgov.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole-request pass ({@link WholeRequests}), in the bench profile only for now:
 * {@code mvn -B -pl system-tests verify -Pbench -Dit.test=FuzzBench}. It is not in every build yet
 * because it still finds a gateway connection that stops answering after some malformed requests
 * (see the README's known problems);
 * {@code -Dgridgov.fuzz.requests=<n>} changes its length, {@code -Dgridgov.fuzz.seed=<n>} its draw.
 * Prints the requests sent, the time taken, the rate and the histogram of statuses.
 */
class FuzzBench {

    private static final int REQUESTS = 100_000;

    @BeforeAll
    static void fuzzCommunity() {
        FuzzIT.fuzzCommunity();
    }

    @Test
    void a_long_pass_of_malformed_requests_finds_no_5xx_and_no_error_out_of_format() throws Exception {
        int requests = Integer.getInteger("gridgov.fuzz.requests", REQUESTS);
        WholeRequestPass.Result pass = FuzzIT.wholeRequestPass(requests, true);
        assertThat(pass.sent()).isGreaterThanOrEqualTo(requests);
        assertThat(pass.failures().size()).as("fuzz seed %d; the first failures:%n%s", pass.seed(),
                String.join("\n", pass.failures().subList(0, Math.min(40, pass.failures().size())))).isZero();
    }
}
