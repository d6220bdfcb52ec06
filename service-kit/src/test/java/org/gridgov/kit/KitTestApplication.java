package org.gridgov.kit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service built on the kit, used to test the kit against real PostgreSQL and Kafka. It
 * sits at the root of the test packages so every kit test finds it, and scans only the fixture.
 */
@SpringBootApplication(scanBasePackages = "org.gridgov.kit.fixture")
public class KitTestApplication {
}
