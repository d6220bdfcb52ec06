package org.gridgov.gateway;

import org.gridgov.kit.test.ServiceArchitectureTests;

class GatewayArchitectureTest extends ServiceArchitectureTests {
}
