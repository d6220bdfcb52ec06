package org.gridgov.wish;

import org.gridgov.kit.test.ServiceConformanceTests;
import org.springframework.context.annotation.Import;

/** Shares the Spring context of the other integration tests (same configuration, same clock). */
@Import(ControllableClock.Config.class)
class WishServiceConformanceIT extends ServiceConformanceTests {
}
