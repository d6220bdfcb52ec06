package org.gridgov.matching;

import org.gridgov.kit.test.ServiceConformanceTests;
import org.springframework.test.annotation.DirtiesContext;

/**
 * On a service of its own: after the other integration tests have called every endpoint, the
 * request histograms make {@code /actuator/prometheus} larger than the test client's 256 KB buffer.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class MatchingServiceConformanceIT extends ServiceConformanceTests {
}
