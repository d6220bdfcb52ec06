package org.gridgov.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole-request pass ({@link WholeRequests}), in the bench profile only for now (it has not yet
 * run to its end on a quiet machine; once it has, a 10,000-request pass joins {@link FuzzIT}):
 * {@code mvn -B -pl system-tests -am verify -Pbench -Dit.test=FuzzBench}; {@code -Dgridgov.fuzz.requests=<n>}
 * changes its length. Prints the requests sent, the time taken and the histogram of statuses.
 */
class FuzzBench {

    private static final int REQUESTS = 100_000;

    @BeforeAll
    static void fuzzCommunity() {
        FuzzIT.fuzzCommunity();
    }

    @Test
    void a_long_pass_of_malformed_requests_finds_no_5xx_and_no_error_out_of_format() throws Exception {
        WholeRequestPass.Result pass = FuzzIT.wholeRequestPass(Integer.getInteger("gridgov.fuzz.requests", REQUESTS));
        assertThat(pass.failures()).as("fuzz seed %d", pass.seed()).isEmpty();
    }
}
